// The seed report's preventive measures (section 6), pre-filled as follow-up items the first
// time a ticket's prevention stage is opened. Engineers edit them like any other item.
export const SEED_RECOMMENDATIONS = [
  "Enforce MFA for all users without exception",
  "Regularly review and update security protocols",
  "Conduct frequent security training sessions",
  "Implement Microsoft Defender for Office 365",
] as const;
