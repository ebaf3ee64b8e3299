// Prints where a profiled server spent its CPU: `node --import tsx bench/summarise-profile.ts [file|folder]`.
import { statSync } from "node:fs";
import { formatProfileSummary, findProfile, profileFolder, summariseProfile } from "./profile";

const target = process.argv[2] ?? profileFolder;
const file = statSync(target).isDirectory() ? findProfile(target) : target;
if (file === null) {
  console.error(`no .cpuprofile in ${target}`);
  process.exitCode = 1;
} else {
  const top = Number(process.argv[3] ?? 20);
  for (const line of formatProfileSummary(summariseProfile(file, { top }))) console.log(line);
}
