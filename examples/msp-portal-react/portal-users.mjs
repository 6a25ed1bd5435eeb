// The portal's own user directory. A real MSP portal has its own accounts and sign-in; each portal
// user who may manage BillingOne settings is matched to a BillingOne member by email address.
// These are the members of the reference server's demo organization.
export const portalUsers = [
  { id: 'u-olivia', name: 'Olivia Hart', email: 'owner@acme.test', title: 'Managing director' },
  { id: 'u-adam', name: 'Adam Price', email: 'admin@acme.test', title: 'Operations lead' },
  { id: 'u-fiona', name: 'Fiona Shah', email: 'finance@acme.test', title: 'Finance manager' },
  { id: 'u-ethan', name: 'Ethan Cole', email: 'engineer@acme.test', title: 'Service desk engineer' },
  { id: 'u-vera', name: 'Vera Lind', email: 'viewer@acme.test', title: 'Account manager' },
];

export function findPortalUser(id) {
  return portalUsers.find((user) => user.id === id);
}
