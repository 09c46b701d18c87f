/**
 * The NDRC 2015 guideline for other non-ferrous smelting (copper, lead, zinc), as the methods of
 * this folder cite it (standards.md §2.3; values [V-3p], unverified against the official text).
 */
export const NDRC_2015_GUIDELINE = 'NDRC 2015 其他有色金属冶炼和压延加工业企业温室气体排放核算方法与报告指南（试行）';

/** Note attached to every result of this folder, because its factors are third-party transcriptions. */
export const NDRC_2015_UNVERIFIED_NOTE =
  'factors transcribed from a third-party implementation of the NDRC 2015 guideline [V-3p]; unverified against the official text';
