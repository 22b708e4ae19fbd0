import { Tabs } from '../../components/tabs';

const LINKS = [
  { to: '/glossary', label: 'Terms' },
  { to: '/glossary/divergence', label: 'Divergence' },
  { to: '/glossary/alignment', label: 'Alignment by participant' },
];

export function GlossaryTabs() {
  return <Tabs label="Glossary" links={LINKS} />;
}
