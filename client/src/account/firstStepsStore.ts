// What the administrator's first steps keep in this browser, per account: hidden
// (`account.firstSteps.dismiss`), and the library browsed — its page opened by any way, the
// header's link, an address, the list's own link (`markLibraryBrowsed`, by the library's page:
// the list's link alone left the step undone for who went there from the header). The server
// keeps no trace of a visit. localStorage under `ecoute.firstSteps.<userId>`; a browser that refuses
// storage shows the steps again on the next visit, nothing worse.
export interface FirstStepsMemory {
  hidden: boolean;
  library: boolean;
}

const keyOf = (userId: string): string => `ecoute.firstSteps.${userId}`;

export function readFirstSteps(userId: string): FirstStepsMemory {
  try {
    const stored = JSON.parse(localStorage.getItem(keyOf(userId)) ?? '{}') as Partial<FirstStepsMemory>;
    return { hidden: stored.hidden === true, library: stored.library === true };
  } catch {
    return { hidden: false, library: false };
  }
}

export function keepFirstSteps(userId: string, memory: FirstStepsMemory): void {
  try {
    localStorage.setItem(keyOf(userId), JSON.stringify(memory));
  } catch {
    // Storage refused (private mode, a platform's frame): the steps show again next time.
  }
}

/** The library's page was opened by this account: `account.firstSteps.library` is done. */
export function markLibraryBrowsed(userId: string): void {
  const memory = readFirstSteps(userId);
  if (!memory.library) keepFirstSteps(userId, { ...memory, library: true });
}
