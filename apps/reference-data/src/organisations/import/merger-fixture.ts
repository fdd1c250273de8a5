/**
 * A change shaped like the real one of 1 April 2026, with fictional ODS codes (Z...; ODS gives
 * ICBs Q codes): two ICBs merge into a new one, and a sub-ICB location moves to another ICB.
 */
export const HEADER = 'ods_code,name,type,parent_ods_code,effective_from,effective_to,predecessor_ods_codes';

export const SETUP_2022 = `${HEADER}
ZA1,Fictional North ICB,icb,Y56,2022-07-01,,
ZA2,Fictional Central ICB,icb,Y56,2022-07-01,,
ZB1,Fictional East ICB,icb,Y61,2022-07-01,,
Z1A,Fictional North sub-ICB location A,sub_icb,ZA1,2022-07-01,,
Z2A,Fictional Central sub-ICB location A,sub_icb,ZA2,2022-07-01,,
Z2B,Fictional Central sub-ICB location B,sub_icb,ZA2,2022-07-01,,
`;

export const MERGER_2026 = `${HEADER}
ZA1,Fictional North ICB,icb,Y56,2022-07-01,2026-03-31,
ZA2,Fictional Central ICB,icb,Y56,2022-07-01,2026-03-31,
ZA3,"Fictional North and Central ICB",icb,Y56,2026-04-01,,ZA1;ZA2
Z1A,Fictional North sub-ICB location A,sub_icb,ZA3,2026-04-01,,
Z2A,Fictional Central sub-ICB location A,sub_icb,ZB1,2026-04-01,,
Z2B,Fictional Central sub-ICB location B,sub_icb,ZA3,2026-04-01,,
`;
