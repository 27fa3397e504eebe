export interface Config {
  /** Duty: rosters, leave, attendance, who is on call (duty plugin). docs/duty.md. */
  duty?: {
    /** The court's time zone for shift times and dates. Default Asia/Shanghai. */
    zone?: string;
    /**
     * The posts. Default: desk (服务台（兼硬件）, shared with hardware: its shifts count for
     * hardware's coverage too), hardware (硬件岗), software (软件岗).
     */
    posts?: Array<{ id: string; name: string; sharedWith?: string[] }>;
    /** On-site duty. Default 07:30–18:30, two people per post. */
    onSite?: { start?: string; end?: string; perPost?: number };
    /** Phone duty: from onSite.end to onSite.start the next morning. Default 18:30–07:30. */
    phone?: { start?: string; end?: string };
    /** Hours off after a night of phone duty before the next shift may start. Default 11. */
    restHoursAfterPhone?: number;
    /** A check-in more than this many minutes after the shift's start is late. Default 10. */
    lateAfterMinutes?: number;
    /** The resident engineers, the posts each may stand and whether they do phone duty (default true). */
    engineers?: Array<{ ref: string; posts: string[]; phone?: boolean }>;
    /**
     * What the duty room's QR code carries; a check-in with it is recorded as made in the room.
     * @visibility secret
     */
    roomCode?: string;
    /** Major-event assurance (重点保障). */
    majorEvents?: {
      /** Tickets on a plan's scope during the event are raised to at least this level. Default L2. */
      minimumLevel?: 'L1' | 'L2' | 'L3' | 'L4';
    };
  };
}
