// Runs one of scripts/*.ts through tsx, from any folder, so the tools work as commands (package.json "bin").
import { register } from 'tsx/esm/api';

register();

/** Runs scripts/NAME.ts with this process's arguments. */
export const run = (name) => import(new URL(`../scripts/${name}.ts`, import.meta.url).href);
