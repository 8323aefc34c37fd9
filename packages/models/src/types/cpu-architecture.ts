/** A CPU architecture (v7 `cpu_architecture`), e.g. `aarch64`, `armv7hf`, `rpi`, `amd64`. */
export interface CpuArchitecture {
  /** The row id. */
  readonly id: number;
  /** The slug (lowercase, unique). */
  readonly slug: string;
}
