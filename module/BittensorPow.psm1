# Root module: the cmdlets live in the nested BittensorPow.dll (see the manifest).
# Nothing else is loaded here so that importing stays fast.
Set-StrictMode -Version Latest
