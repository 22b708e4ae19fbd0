import { useMe } from '../../auth/session';
import { canPublishDoctrine } from '../../auth/permissions';
import { Tabs } from '../../components/tabs';

export function DoctrinesTabs() {
  const me = useMe();
  const links = [
    { to: '/doctrines', label: 'Doctrines' },
    { to: '/doctrines/matrix', label: 'Commitments matrix' },
    ...(canPublishDoctrine(me) ? [{ to: '/doctrines/publish', label: 'Publish' }] : []),
  ];
  return <Tabs label="Doctrines" links={links} />;
}
