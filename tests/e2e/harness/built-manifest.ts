import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The subset of manifest.json the end-to-end tests look at. */
export interface BuiltManifest {
  manifest_version: number;
  name: string;
  version: string;
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_security_policy?: { extension_pages?: string; sandbox?: string };
  content_scripts?: { matches: string[]; js?: string[]; css?: string[] }[];
  background?: { service_worker?: string; scripts?: string[] };
  externally_connectable?: unknown;
  web_accessible_resources?: unknown[];
  browser_specific_settings?: {
    gecko?: {
      id?: string;
      strict_min_version?: string;
      data_collection_permissions?: { required?: string[]; optional?: string[] };
    };
    gecko_android?: { strict_min_version?: string };
  };
}

export function readBuiltManifest(buildDir: string): BuiltManifest {
  return JSON.parse(readFileSync(join(buildDir, 'manifest.json'), 'utf8')) as BuiltManifest;
}
