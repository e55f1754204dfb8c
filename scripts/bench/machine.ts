import { availableParallelism, cpus, totalmem } from 'node:os';

/** What the bench ran on, for the table's footer and the JSON. */
export interface MachineInfo {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  platform: string;
}

/** The current machine. */
export function machineInfo(): MachineInfo {
  return {
    cpus: availableParallelism(),
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
  };
}

/** One line: `2 × Intel(...) · 7.8 GiB · node v20.20.2 · linux x64`. */
export function describeMachine(info: MachineInfo): string {
  return `${info.cpus} × ${info.cpuModel} · ${info.memoryGiB} GiB · node ${info.node} · ${info.platform}`;
}
