import { Tabs } from '../../components/tabs';

const LINKS = [
  { to: '/intel', label: 'Objects' },
  { to: '/intel/incidents', label: 'Incidents' },
  { to: '/intel/collections', label: 'Collections' },
  { to: '/intel/communities', label: 'Communities' },
];

export function IntelTabs() {
  return <Tabs label="Intelligence" links={LINKS} />;
}
