// The edtf package ships no types; this declares the one entry point we use and what we read of it.
declare module 'edtf' {
  interface EdtfValue {
    type: string;
    min: number;
    max: number;
    precision?: number;
    uncertain?: unknown;
    approximate?: unknown;
    lower?: EdtfValue | null;
    upper?: EdtfValue | null;
  }
  export default function edtf(text: string): EdtfValue;
}
