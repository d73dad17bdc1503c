// REST DTOs of LTI 1.3 (server/src/lti): the course's members as the instructor's console shows
// them (Names and Roles Provisioning Service 2.0), with what each has done in this activity.

/** One member of the platform's course. No platform id on screen: the name is what people read. */
export interface CourseMember {
  /** The platform's name for them, else the pseudonym the tool gives an anonymous launch. */
  name: string;
  /** The name came from the tool (the platform shares no names). */
  pseudonym: boolean;
  role: 'learner' | 'instructor' | 'other';
  /** NRPS `status`: an inactive member no longer takes part in the course. */
  active: boolean;
  /** Calls of this activity they were launched into, and how many of them are over. */
  calls: number;
  ended: number;
  /** Their score went back to the platform's gradebook (AGS). */
  scoreSent: boolean;
  /** The badges they earned with these calls (not revoked). */
  badges: string[];
}

export interface CourseMembers {
  /** The course's title as the platform names it, when it does. */
  course: string | null;
  members: CourseMember[];
}
