/** Firefox add-on id; pinned so Firefox keeps storage across updates and the E2E tests can install it. */
export const GECKO_ID = 'firewall-lens@firewall-lens.invalid';

/**
 * Where the content script runs. Firefox treats these as host permissions a person may withhold or
 * revoke, so the popup checks them with this same list.
 */
export const CONTENT_SCRIPT_MATCHES = ['http://*/*', 'https://*/*'];
