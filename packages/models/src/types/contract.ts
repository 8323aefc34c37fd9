/** Install-instruction templates of a contract: lists of lines, or groups of them (per host OS, e.g. `Linux`). */
export interface ContractPartials {
  /** A list of template lines, or a group of further partials. */
  readonly [name: string]: string[] | ContractPartials;
}

/** A balena contract (`hw.device-type` for a device type, `sw.os` for balenaOS), as `device_type.contract` holds it. */
export interface Contract {
  /** The slug, e.g. `raspberrypi4-64`. */
  readonly slug: string;
  /** The kind, e.g. `hw.device-type`. */
  readonly type: string;
  /** The display name. */
  readonly name?: string;
  /** The contract's version. */
  readonly version?: string;
  /** The version the contract describes. */
  readonly externalVersion?: string;
  /** The version of the contract format. */
  readonly contractVersion?: string;
  /** A description. */
  readonly description?: string;
  /** Other slugs. */
  readonly aliases?: string[];
  /** Free tags. */
  readonly tags?: string[];
  /** The hardware facts: `arch`, `media.defaultBoot`, `media.altBoot`, `flashProtocol`, `connectivity`… */
  readonly data?: Record<string, unknown>;
  /** Assets such as the logo. */
  readonly assets?: Record<string, unknown>;
  /** Contracts this one needs. */
  readonly requires?: Contract[];
  /** Contracts this one provides. */
  readonly provides?: Contract[];
  /** Contracts this one is made of. */
  readonly composedOf?: Record<string, unknown>;
  /** The install-instruction templates. */
  readonly partials?: ContractPartials;
}

/** Install instructions: a list of steps, or one list per host OS of the computer that flashes. */
export type DeviceTypeInstructions = string[] | Record<'Linux' | 'MacOS' | 'Windows', string[]>;
