using System;
using System.Collections.Generic;
using System.Linq;

namespace Attendance
{
    public class Call
    {
        public string Upn { get; set; }
        public string PupilName { get; set; }
        public string Form { get; set; }
        public string GuardianName { get; set; }
        public string Phone { get; set; }
    }

    /// <summary>
    /// The office rings home by 9:30 for every pupil marked absent without a reason.
    /// </summary>
    public static class AbsenceCalls
    {
        public static List<Call> For(IEnumerable<Pupil> pupils, ISet<string> absentUpns)
        {
            var calls = new List<Call>();
            foreach (var pupil in pupils.Where(p => absentUpns.Contains(p.Upn)).OrderBy(p => p.Form).ThenBy(p => p.Name))
            {
                if (pupil.Guardians.Count == 0)
                    throw new InvalidOperationException($"Pupil {pupil.Upn} has no guardians on record.");

                var contact = pupil.Guardians.SingleOrDefault(g => g.IsPrimaryContact) ?? pupil.Guardians[0];
                calls.Add(new Call { Upn = pupil.Upn, PupilName = pupil.Name, Form = pupil.Form, GuardianName = contact.Name, Phone = contact.Phone });
            }
            return calls;
        }
    }
}
