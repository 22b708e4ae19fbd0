import { Tabs } from '../../components/tabs';

const LINKS = [
  { to: '/norms', label: 'Catalogue' },
  { to: '/norms/amendments', label: 'Amendments' },
];

export function NormsTabs() {
  return <Tabs label="Norms" links={LINKS} />;
}
