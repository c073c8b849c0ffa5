import { spawn } from "node:child_process";
import path from "node:path";

export const ROOT = path.resolve(__dirname, "..", "..");

/** Runs a command to completion with inherited output; rejects on a non-zero exit. */
export function runStep(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: "inherit" });
    child.on("error", reject);
    child.on("exit", (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} failed (${signal ?? `exit ${code}`})`)),
    );
  });
}

/**
 * Like runStep, but holds the command's output and prints it in one piece when it ends, under
 * `[label]`, so steps running side by side do not interleave their lines. Rejects on a non-zero exit.
 */
export function runStepQuietly(label: string, command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    const output: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => output.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => output.push(chunk));
    child.on("error", reject);
    child.on("close", (code, signal) => {
      const text = Buffer.concat(output).toString("utf8").trimEnd();
      console.log(`[${label}] ${command} ${args.join(" ")}: ${code === 0 ? "ok" : "FAILED"}${text ? `\n${text}` : ""}`);
      if (code === 0) resolve();
      else reject(new Error(`${label} failed (${signal ?? `exit ${code}`})`));
    });
  });
}
