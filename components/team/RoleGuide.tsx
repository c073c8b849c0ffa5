import { describeRole, ROLES } from "@/lib/access/roles";

/**
 * What each role may do, one line a role, from lib/access/roles.ts (the lists the server's checks read),
 * so the words cannot drift from the rules.
 */
export function RoleGuide() {
  return (
    <details className="rounded-lg border border-rule bg-white px-4 py-2 text-sm" data-testid="role-guide" open>
      <summary className="cursor-pointer font-medium">What each role may do</summary>
      <dl className="mt-2 space-y-1.5">
        {ROLES.map((role) => {
          const { who, also, below } = describeRole(role);
          return (
            <div key={role} className="sm:flex sm:gap-2" data-testid={`role-${role}`}>
              <dt className="shrink-0 font-medium sm:w-44">
                {role} <span className="font-normal text-muted">({who})</span>
              </dt>
              <dd className="text-muted">
                {below ? `what ${/^[aeiou]/.test(below) ? "an" : "a"} ${below} may, and ` : ""}
                {also.join("; ")}
              </dd>
            </div>
          );
        })}
      </dl>
    </details>
  );
}
