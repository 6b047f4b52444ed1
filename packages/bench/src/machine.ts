// The machine a run happened on, recorded with every result: ratios travel between machines, absolute
// figures do not. Load average is kept because the bench shares its cores with whatever else runs.
import { availableParallelism, cpus, loadavg, release, totalmem } from "node:os";

export type Machine = {
  nproc: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  os: string;
  loadAverage1mAtStart: number;
};

export function describeMachine(): Machine {
  return {
    nproc: availableParallelism(),
    cpuModel: cpus()[0]?.model.trim() ?? "unknown",
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    os: `${process.platform} ${release()} ${process.arch}`,
    loadAverage1mAtStart: Math.round(loadavg()[0]! * 100) / 100,
  };
}

export const currentLoadAverage = () => Math.round(loadavg()[0]! * 100) / 100;
