/** Firefox add-on id; pinned so Firefox keeps storage across updates and the E2E tests can install it. */
export const GECKO_ID = 'firewall-lens@firewall-lens.invalid';
