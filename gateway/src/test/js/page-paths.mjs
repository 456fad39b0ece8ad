// Module resolution hook for the tests: the pages import '/js/...' (absolute, as the browser sees the gateway's
// origin); here that is the resources folder.
const ROOT = new URL('../../main/resources/META-INF/resources', import.meta.url).href;

export async function resolve(specifier, context, nextResolve) {
  return nextResolve(specifier.startsWith('/js/') ? `${ROOT}${specifier}` : specifier, context);
}
