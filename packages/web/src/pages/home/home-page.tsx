import { useMe } from '../../auth/session';
import { isParticipantAdmin, isPlatformAdmin } from '../../auth/permissions';
import { PageHeader } from '../../components/page-header';
import { useMeta, kindLabel } from '../../api/meta';
import { PlatformAdminHome } from './platform-admin-home';
import { ParticipantAdminHome } from './participant-admin-home';
import { MemberHome } from './member-home';
import { ModulesOverview } from './modules-overview';
import { LedgerCard } from './ledger-card';

function greeting(hour: number): string {
  if (hour < 5) return 'Good evening';
  if (hour < 12) return 'Good morning';
  if (hour < 18) return 'Good afternoon';
  return 'Good evening';
}

/** The landing page, shaped by what the signed-in person is responsible for. */
export function HomePage() {
  const me = useMe();
  const meta = useMeta();
  const firstName = me.displayName.split(/\s+/)[0] ?? me.displayName;
  const body = isPlatformAdmin(me) ? (
    <PlatformAdminHome />
  ) : isParticipantAdmin(me) ? (
    <ParticipantAdminHome />
  ) : (
    <MemberHome />
  );
  return (
    <>
      <PageHeader
        title={`${greeting(new Date().getHours())}, ${firstName}`}
        documentTitle="Home"
        description={
          <>
            Signed in for <strong>{me.participant.name}</strong> (
            {kindLabel(meta.data, me.participant.kind)}).
          </>
        }
      />
      <div className="stack">
        {body}
        <div className="card-grid">
          <LedgerCard />
        </div>
        <ModulesOverview />
      </div>
    </>
  );
}
