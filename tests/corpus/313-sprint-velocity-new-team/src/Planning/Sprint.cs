using System;

namespace Planning
{
    public class Sprint
    {
        public string Team { get; set; }
        public int Number { get; set; }
        public DateOnly Ends { get; set; }
        public int CommittedPoints { get; set; }
        public int CompletedPoints { get; set; }
        public bool Closed { get; set; }
    }
}
