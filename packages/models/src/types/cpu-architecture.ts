/** A CPU architecture (v7 `cpu_architecture`), e.g. `aarch64`, `armv7hf`, `rpi`, `amd64`. */
export interface CpuArchitecture {
  readonly id: number;
  readonly slug: string;
}
