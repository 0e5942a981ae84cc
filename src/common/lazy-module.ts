/**
 * A heavy library loaded at its first use instead of at start-up: exports and letters are rare,
 * and exceljs, pdfkit and docx cost tens of MB of RSS in every process. The package is resolved
 * (found, not loaded) when the file naming it is loaded, which is at start-up, so a missing
 * package fails the boot, not the first request that needs it. Loaded once; later calls share it.
 */
export function lazyModule<T>(name: string, load: () => Promise<T>): () => Promise<T> {
  require.resolve(name);
  let loaded: Promise<T> | undefined;
  return () => (loaded ??= load());
}
