// Types for the unit tests of the release's steps.
export function parseVersion(text: string): [number, number, number] | null;
export function compareVersions(a: string, b: string): number;
export function releaseChangelog(changelog: string, version: string, date: string): string;
