import { describe, it, expect } from 'vitest';
import { isSafeNext, loginPath } from './session';

describe('sign-in redirects', () => {
  it('only returns to paths on this site', () => {
    expect(isSafeNext('/admin/users?q=x')).toBe(true);
    expect(isSafeNext('//evil.example/')).toBe(false);
    expect(isSafeNext('/\\evil.example')).toBe(false);
    expect(isSafeNext('https://evil.example/')).toBe(false);
    expect(isSafeNext('/login?next=/')).toBe(false);
  });

  it('remembers where the user was going', () => {
    expect(loginPath('/admin/users?q=a b')).toBe('/login?next=%2Fadmin%2Fusers%3Fq%3Da%20b');
    expect(loginPath('/')).toBe('/login');
    expect(loginPath(null)).toBe('/login');
    expect(loginPath('//evil.example')).toBe('/login');
  });
});
