namespace Attachments
{
    public static class FileNames
    {
        public static string BaseName(string fileName)
        {
            int dot = fileName.LastIndexOf('.');
            return dot < 0 ? fileName : fileName.Substring(0, dot);
        }

        public static string Extension(string fileName)
        {
            return fileName.Substring(fileName.LastIndexOf('.')).ToLowerInvariant();
        }

        public static string Sanitise(string fileName)
        {
            var chars = fileName.Trim().ToCharArray();
            for (int i = 0; i < chars.Length; i++)
            {
                if (System.Array.IndexOf(System.IO.Path.GetInvalidFileNameChars(), chars[i]) >= 0 || chars[i] == ' ')
                {
                    chars[i] = '_';
                }
            }

            return new string(chars);
        }
    }
}
