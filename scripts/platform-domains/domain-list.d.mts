export function parseDomainList(text: string): {
  suffixes: string[];
  full: string[];
  dropped: { rule: string; why: string }[];
};
