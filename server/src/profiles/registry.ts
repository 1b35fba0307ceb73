import { Ajv } from 'ajv';
import type { Profile } from './types.js';
import schema from '../../profiles/profile.schema.json' with { type: 'json' };
import slac from '../../profiles/ofsted-slac-2009.json' with { type: 'json' };
import sif from '../../profiles/ofsted-sif-2013.json' with { type: 'json' };
import ilacs from '../../profiles/ofsted-ilacs-2018.json' with { type: 'json' };

export const BUILT_IN_PROFILES: readonly Profile[] = [slac as Profile, sif as Profile, ilacs as Profile];

/** The current framework: what a draft with no evidence either way is checked against. */
export const DEFAULT_PROFILE_ID = 'ofsted-ilacs-2018';

let validator: ReturnType<Ajv['compile']> | undefined;

/** Validate profile data against the shipped JSON Schema; returns error messages. */
export function validateProfile(data: unknown): string[] {
  validator ??= new Ajv({ allErrors: true, strict: false }).compile(schema);
  if (validator(data)) return [];
  return (validator.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`);
}

export interface ProfileProblem {
  file: string;
  message: string;
}

/**
 * The profiles in force: the built-ins plus any a workspace adds. Workspace profiles are data
 * read by the caller (never `require`d); an invalid one is recorded once and skipped.
 */
export class ProfileRegistry {
  private readonly byId = new Map<string, Profile>();
  readonly problems: ProfileProblem[] = [];

  constructor(extra: { file: string; data: unknown }[] = []) {
    for (const p of BUILT_IN_PROFILES) this.byId.set(p.id, p);
    for (const { file, data } of extra) this.add(file, data);
  }

  add(file: string, data: unknown): boolean {
    const errors = validateProfile(data);
    if (errors.length) {
      this.problems.push({ file, message: `invalid profile: ${errors.slice(0, 5).join('; ')}` });
      return false;
    }
    this.byId.set((data as Profile).id, data as Profile);
    return true;
  }

  get(id: string): Profile | undefined {
    return this.byId.get(id);
  }

  get ids(): string[] {
    return [...this.byId.keys()];
  }

  get all(): Profile[] {
    return [...this.byId.values()];
  }
}
