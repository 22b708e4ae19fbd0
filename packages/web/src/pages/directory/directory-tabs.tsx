import { Tabs } from '../../components/tabs';

const LINKS = [
  { to: '/directory', label: 'Contacts' },
  { to: '/directory/mine', label: 'Our contacts' },
  { to: '/directory/pings', label: 'Ping tests' },
  { to: '/directory/pings/dashboard', label: 'Ping dashboard' },
  { to: '/directory/messages', label: 'Messages', end: false },
  { to: '/directory/webhook', label: 'Webhook' },
];

export function DirectoryTabs() {
  return <Tabs label="Directory" links={LINKS} />;
}
