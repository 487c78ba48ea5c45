using System.Collections.Generic;

namespace Attendance
{
    public class Guardian
    {
        public string Name { get; set; }
        public string Phone { get; set; }
        public bool IsPrimaryContact { get; set; }
    }

    public class Pupil
    {
        public string Upn { get; set; }
        public string Name { get; set; }
        public string Form { get; set; }
        public List<Guardian> Guardians { get; set; } = new List<Guardian>();
    }
}
