import { Badge, Card } from '@/app/_components/ui';
import type { MemberRow } from '@/db/queries/members';
import { AddMemberForm, RemoveMemberButton, RoleSelect } from './member-controls';

type Props = { projectId: string; members: MemberRow[]; isOwner: boolean; currentUserId: string };

/** Who is in the project (and who is only invited so far); owners also change roles, add by email and remove. */
export function MembersPanel({ projectId, members, isOwner, currentUserId }: Props) {
  // The server refuses to remove the last owner anyway; don't offer it.
  const soleOwner = members.filter((m) => m.role === 'owner').length === 1;
  return (
    <Card aria-labelledby="members-heading">
      <h2 id="members-heading" className="text-base font-semibold">
        Members <span className="font-normal text-slate-500">({members.length})</span>
      </h2>
      <ul className="mt-3 divide-y divide-slate-100">
        {members.map((m) => (
          <li key={m.userId} data-testid="member-row" data-email={m.email} className="flex items-center justify-between gap-2 py-2">
            <div className="min-w-0 flex-1">
              <p className="flex min-w-0 items-center gap-2 text-sm">
                <span className="truncate font-medium text-slate-900">{m.name || m.email}</span>
                {m.userId === currentUserId && <span className="shrink-0 text-slate-500">(you)</span>}
                {!isOwner && (
                  <span className="shrink-0">
                    <Badge tone={m.role === 'owner' ? 'indigo' : 'gray'}>{m.role}</Badge>
                  </span>
                )}
                {m.invited && (
                  <span className="shrink-0" data-testid="member-invited" title="Added by email; has not signed in yet">
                    <Badge tone="amber">invited</Badge>
                  </span>
                )}
              </p>
              {m.name && <p className="truncate text-xs text-slate-500">{m.email}</p>}
            </div>
            {isOwner && <RoleSelect projectId={projectId} userId={m.userId} label={m.email} role={m.role} />}
            {isOwner && !(soleOwner && m.role === 'owner') && <RemoveMemberButton projectId={projectId} userId={m.userId} label={m.email} self={m.userId === currentUserId} />}
          </li>
        ))}
      </ul>
      {isOwner && (
        <div className="mt-4 border-t border-slate-100 pt-4">
          <AddMemberForm projectId={projectId} />
        </div>
      )}
    </Card>
  );
}
