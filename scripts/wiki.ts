// Command-line entry point: `npm run wiki -- <command> …` (the commands are in wiki-commands.ts).
import { processIo, runWiki } from "./wiki-commands";

runWiki(process.argv.slice(2), processIo()).then((code) => process.exit(code));
