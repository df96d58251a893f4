/** System descs the device tests share. */

import type { SystemDescInfo } from '../../server/src/ttnn/device';

/** A Wormhole n150 desc as tt-mlir's mock system desc prints it: real figures but the fictitious base 1024. */
export const MOCK_WORMHOLE_DESC: SystemDescInfo = {
  arch: 'wormhole_b0',
  gridRows: 8,
  gridCols: 8,
  l1SizeBytes: 1_499_136,
  l1UnreservedBase: 1024,
  numDramChannels: 12,
  numCbs: 32,
  l1AlignmentBytes: 16,
  dramAlignmentBytes: 32,
  pcieAlignmentBytes: 32,
};
