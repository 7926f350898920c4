/**
 * What the user never wants recorded (settings: excludedApps, excludedDomains). An app matches by name,
 * case-insensitively, with or without ".exe"; a domain matches itself and its subdomains:
 * excluding "bank.example" excludes "www.bank.example" but not "notbank.example".
 */
export interface Exclusions {
  excludesApp(app: string): boolean;
  excludesDomain(domain: string): boolean;
}

const appKey = (app: string): string =>
  app
    .trim()
    .toLowerCase()
    .replace(/\.exe$/, '');

export function createExclusions(list: {
  apps?: readonly string[];
  domains?: readonly string[];
}): Exclusions {
  const apps = new Set((list.apps ?? []).map(appKey).filter(Boolean));
  const domains = (list.domains ?? [])
    .map((d) =>
      d
        .trim()
        .toLowerCase()
        .replace(/^\*?\./, ''),
    )
    .filter(Boolean);
  return {
    excludesApp: (app) => apps.has(appKey(app)),
    excludesDomain: (domain) => {
      const host = domain.toLowerCase();
      return domains.some((d) => host === d || host.endsWith(`.${d}`));
    },
  };
}

export const NO_EXCLUSIONS: Exclusions = createExclusions({});

/** Exclusions whose lists can be replaced while the app runs: the server and the tracker share this one object. */
export interface LiveExclusions extends Exclusions {
  replace(list: { apps?: readonly string[]; domains?: readonly string[] }): void;
}

export function createLiveExclusions(list: {
  apps?: readonly string[];
  domains?: readonly string[];
}): LiveExclusions {
  let current = createExclusions(list);
  return {
    excludesApp: (app) => current.excludesApp(app),
    excludesDomain: (domain) => current.excludesDomain(domain),
    replace: (next) => {
      current = createExclusions(next);
    },
  };
}
