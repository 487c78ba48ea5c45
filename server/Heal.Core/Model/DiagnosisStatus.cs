namespace Heal.Core.Model;

public enum DiagnosisStatus
{
    Diagnosed,
    Declined,
}
