/** An agency (cơ quan giải quyết) as the one-stop system names it on its dossiers. */
export interface Agency {
  code: string;
  name: string;
}

/** The agencies' names, so that staff screens show names, not codes. */
export interface AgencyDirectory {
  /** Records (or renames) an agency; writing the same name again changes nothing a reader sees. */
  remember(agency: Agency, at: Date): Promise<void>;
  /** Every agency recorded, in no particular order. */
  list(): Promise<Agency[]>;
}
