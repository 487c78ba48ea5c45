namespace Pharmacy;

public sealed record RepeatRequest(string PatientNhsNumber, string DrugCode, int TabletsPerDay, int Days);

public enum Outcome { Approved, NeedsReview, Rejected }

public sealed record Decision(RepeatRequest Request, Outcome Outcome, string Reason);
