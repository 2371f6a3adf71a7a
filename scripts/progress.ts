// A progress bar for long commands: redrawn in place on a terminal, a line per tenth otherwise.

/** Where a bar is drawn: a terminal redraws it in place. */
export type ProgressStream = { isTTY?: boolean; write(text: string): unknown };

/** Reports `done` of `total` under a label; call `finish` once at the end. */
export function progressBar(label: string, stream: ProgressStream = process.stderr) {
  let lastTenth = -1;
  return {
    update(done: number, total: number) {
      const share = total ? Math.min(1, done / total) : 1;
      if (stream.isTTY) {
        const width = 30;
        const filled = Math.round(share * width);
        stream.write(`\r${label} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total}`);
      } else if (Math.floor(share * 10) > lastTenth) {
        lastTenth = Math.floor(share * 10);
        stream.write(`${label}: ${done}/${total}\n`);
      }
    },
    finish() {
      if (stream.isTTY) stream.write("\n");
    },
  };
}
