/**
 * TTNN data types and their sizes: bytes per element (row-major pages) and bytes per 32x32 tile (tile pages).
 * Block-float types exist only as tiles (a shared exponent per 16 datums), so they have no element size.
 */

/** tt-mlir's ttcore DataType enum (TTCoreOpsEnums.td) spelled as printed in the IR. */
export type DataType =
  | 'f32'
  | 'f16'
  | 'bf16'
  | 'bfp_f8'
  | 'bfp_bf8'
  | 'bfp_f4'
  | 'bfp_bf4'
  | 'bfp_f2'
  | 'bfp_bf2'
  | 'u32'
  | 'u16'
  | 'u8'
  | 'si32'
  | 'i1';

const ALL_DATA_TYPES: readonly DataType[] = [
  'f32',
  'f16',
  'bf16',
  'bfp_f8',
  'bfp_bf8',
  'bfp_f4',
  'bfp_bf4',
  'bfp_f2',
  'bfp_bf2',
  'u32',
  'u16',
  'u8',
  'si32',
  'i1',
];

/** Side of the only tile shape tt-metal's data-movement factories use. */
export const TILE_HW = 32;
export const TILE_ELEMENTS = TILE_HW * TILE_HW;

/**
 * Bytes of one 32x32 tile.
 * tt-metal tt_metal/api/tt-metalium/constants.hpp@b7c30ff (BFLOAT8_B 1088, BFLOAT4_B 576); the others are
 * datum size x 1024 (`tt::tile_size`). tt-mlir TTCoreOpsTypes.cpp@19c86fc agrees, incl. bfp2 320 and i1 1024.
 */
export function tileBytes(dtype: DataType): number {
  switch (dtype) {
    case 'f32':
    case 'u32':
    case 'si32':
      return 4096;
    case 'f16':
    case 'bf16':
    case 'u16':
      return 2048;
    case 'u8':
    case 'i1':
      return 1024;
    case 'bfp_f8':
    case 'bfp_bf8':
      return 1088; // 1024 datum bytes + 64 shared-exponent bytes
    case 'bfp_f4':
    case 'bfp_bf4':
      return 576; // 512 + 64
    case 'bfp_f2':
    case 'bfp_bf2':
      return 320; // 256 + 64
  }
}

/** The types that have an element size: all but the block floats. */
export type ElementDataType = Exclude<DataType, `bfp_${string}`>;

/** Bytes of one element in a row-major page; undefined for block floats (tile-only formats). */
export function elementBytes(dtype: ElementDataType): number;
export function elementBytes(dtype: DataType): number | undefined;
export function elementBytes(dtype: DataType): number | undefined {
  switch (dtype) {
    case 'f32':
    case 'u32':
    case 'si32':
      return 4;
    case 'f16':
    case 'bf16':
    case 'u16':
      return 2;
    case 'u8':
    case 'i1':
      return 1;
    default:
      return undefined;
  }
}

export function isBlockFloat(dtype: DataType): boolean {
  return dtype.startsWith('bfp_');
}

/** A printed dtype name (`bf16`, `bfp_bf8`, `<f32>` contents) as a DataType, if it is one. */
export function parseDataType(name: string): DataType | undefined {
  return (ALL_DATA_TYPES as readonly string[]).includes(name) ? (name as DataType) : undefined;
}

/**
 * The DataType of an MLIR builtin element type as it appears in `tensor<...xT>` / `memref<...xT>`.
 * tt-mlir maps ui32/ui16/ui8 to u32/u16/u8 and i32/si32 to si32 (`elementTypeToDataType`).
 */
export function dataTypeFromMlirScalar(name: string): DataType | undefined {
  switch (name) {
    case 'f32':
      return 'f32';
    case 'f16':
      return 'f16';
    case 'bf16':
      return 'bf16';
    case 'ui32':
    case 'u32':
      return 'u32';
    case 'ui16':
    case 'u16':
      return 'u16';
    case 'ui8':
    case 'u8':
      return 'u8';
    case 'si32':
    case 'i32':
      return 'si32';
    case 'i1':
      return 'i1';
    default:
      return parseDataType(name);
  }
}
