import type { Plugin } from 'vite';

/**
 * Preact supports `dangerouslySetInnerHTML` with one `innerHTML =` assignment, which addons-linter
 * (web-ext lint) reports as UNSAFE_VAR_ASSIGNMENT on every build. Firewall Lens never uses that prop,
 * so the assignment is replaced by an error: an accidental use fails loudly instead of writing HTML.
 */
const ASSIGNMENT = '(t.innerHTML=h.__html)';
const REPLACEMENT = '(function(){throw new Error("Firewall Lens does not render raw HTML")})()';

export function noInnerHtml(): Plugin {
  return {
    name: 'firewall-lens:no-inner-html',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]preact[\\/]dist[\\/]preact\.m?js/.test(id)) return null;
      if (!code.includes(ASSIGNMENT)) {
        this.error(`preact changed: "${ASSIGNMENT}" not found in ${id}; update ${import.meta.url}`);
      }
      return { code: code.replace(ASSIGNMENT, REPLACEMENT), map: null };
    },
  };
}
