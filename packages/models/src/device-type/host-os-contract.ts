import type { Contract } from '../types/contract.js';

/**
 * The balenaOS side of the install instructions: one list of steps per install method, written
 * around the device type's own partials (`deviceType.partials.*`) and media. balena's SDK keeps
 * such a contract alongside its device-type model; these steps are worded for balena-ts.
 */
export const HOST_OS_CONTRACT: Contract = {
  slug: 'balenaos',
  type: 'sw.os',
  name: 'balenaOS',
  description: 'balenaOS',
  partials: {
    image: ['{{#each deviceType.partials.instructions}}{{{this}}} {{/each}}'],
    internalFlash: [
      '{{#each deviceType.partials.connectDevice}}{{{this}}} {{/each}}',
      'Flash the {{name}} image you downloaded onto the {{deviceType.name}}, for example with balenaEtcher.',
      'Wait until flashing {{name}} has finished.',
      '{{#each deviceType.partials.disconnectDevice}}{{{this}}} {{/each}}',
      '{{{deviceType.partials.bootDevice}}} to start the device.',
    ],
    externalFlash: [
      '{{#each deviceType.partials.instructions}}{{{this}}} {{/each}}',
      'Plug the {{resolveContractAlias deviceType.data.media.altBoot.[0]}} into your computer.',
      'Flash the {{name}} image you downloaded onto the {{resolveContractAlias deviceType.data.media.altBoot.[0]}}, for example with balenaEtcher.',
      'Wait until flashing {{name}} has finished.',
      'Take the {{resolveContractAlias deviceType.data.media.altBoot.[0]}} out of your computer.',
      'Plug the flashed {{resolveContractAlias deviceType.data.media.altBoot.[0]}} into the {{deviceType.name}}.',
      '<strong role="alert">Warning!</strong> The internal storage of the device will be wiped: back it up first.',
      '{{#each deviceType.partials.bootDeviceExternal}}{{{this}}} {{/each}}',
      'Wait until the {{deviceType.name}} has flashed its internal storage and powered off. {{#if deviceType.partials.flashIndicator}}You can tell because {{deviceType.partials.flashIndicator}}.{{/if}}',
      'Take the {{resolveContractAlias deviceType.data.media.altBoot.[0]}} out of the {{deviceType.name}}.',
      '{{#each deviceType.partials.bootDeviceInternal}}{{{this}}} {{/each}}',
      '{{{deviceType.partials.bootDevice}}} to start the device.',
    ],
    externalBoot: [
      'Plug the {{resolveContractAlias deviceType.data.media.defaultBoot}} into your computer.',
      'Flash the {{name}} image you downloaded onto the {{resolveContractAlias deviceType.data.media.defaultBoot}}, for example with balenaEtcher.',
      'Wait until flashing {{name}} has finished.',
      'Take the {{resolveContractAlias deviceType.data.media.defaultBoot}} out of your computer.',
      'Plug the flashed {{resolveContractAlias deviceType.data.media.defaultBoot}} into the {{deviceType.name}}.',
      '{{{deviceType.partials.bootDevice}}} to start the device.',
    ],
    jetsonFlash: [
      'The {{deviceType.name}} is provisioned with the Jetson Flash tool (https://github.com/balena-os/jetson-flash/blob/master/docs/{{deviceType.slug}}.md): follow its guide.',
    ],
    usbMassStorage: ['{{#each deviceType.partials.instructions}}{{{this}}}\n{{/each}}'],
    edisonFlash: {
      Linux: [
        '{{#each deviceType.partials.Linux.flashDependencies}}{{{this}}} {{/each}}',
        'Disconnect the {{deviceType.name}} from your computer.',
        'Unpack the {{name}} archive you downloaded.',
        '{{#each deviceType.partials.Linux.flashInstructions}}{{{this}}} {{/each}}',
        'Connect the {{deviceType.name}} when the terminal asks for it.',
        'The terminal shows how provisioning goes.',
      ],
      MacOS: [
        '{{#each deviceType.partials.MacOS.flashDependencies}}{{{this}}} {{/each}}',
        'Disconnect the {{deviceType.name}} from your computer.',
        'Unpack the {{name}} archive you downloaded.',
        '{{#each deviceType.partials.MacOS.flashInstructions}}{{{this}}} {{/each}}',
        'Connect the {{deviceType.name}} when the terminal asks for it.',
        'The terminal shows how provisioning goes.',
      ],
      Windows: [
        '{{#each deviceType.partials.Windows.flashDependencies}}{{{this}}} {{/each}}',
        'Disconnect the {{deviceType.name}} from your computer.',
        'Unpack the {{name}} archive you downloaded.',
        '{{#each deviceType.partials.Windows.flashInstructions}}{{{this}}} {{/each}}',
        'Connect the {{deviceType.name}} when the terminal asks for it.',
        'The terminal shows how provisioning goes.',
      ],
    },
  },
};

/** How the instructions name a boot medium of a contract (`data.media`). */
export const MEDIA_NAMES: Readonly<Record<string, string>> = {
  sdcard: 'SD card',
  usb_mass_storage: 'USB key',
};
