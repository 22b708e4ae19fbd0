import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';

/** Navigation state that carries a one-time confirmation ("User created") to the next page. */
export interface FlashState {
  flash: string;
}

const isFlashState = (value: unknown): value is FlashState =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as { flash?: unknown }).flash === 'string';

/** Reads the flash message once and removes it from history, so a reload does not repeat it. */
export function useFlash(): [message: string | null, dismiss: () => void] {
  const location = useLocation();
  const navigate = useNavigate();
  const [message, setMessage] = useState<string | null>(() =>
    isFlashState(location.state) ? location.state.flash : null,
  );

  useEffect(() => {
    if (isFlashState(location.state)) {
      void navigate(`${location.pathname}${location.search}`, { replace: true, state: null });
    }
  }, [location, navigate]);

  return [message, () => setMessage(null)];
}
