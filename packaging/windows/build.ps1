# Build 工会桌面 for Windows: the one-folder program and its per-user installer.
#
# On a Windows 10/11 (x64) machine with:
#   - Python 3.11 (64-bit) from python.org, installed with the "py" launcher;
#   - Inno Setup 6 (https://jrsoftware.org/isinfo.php), default folder;
# open PowerShell in the checkout and run:
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1
# Result: dist\gonghui-desk\ (the program) and dist\gonghui-desk-<version>-setup.exe.
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..\..")

$venv = ".venv-win"
if (-not (Test-Path "$venv\Scripts\python.exe")) { py -3.11 -m venv $venv }
$python = "$venv\Scripts\python.exe"
& $python -m pip install --disable-pip-version-check --upgrade pip
& $python -m pip install --disable-pip-version-check -e . "pyinstaller>=6.10,<7"
& $python packaging\translations.py
& $python packaging\make_icon.py

$started = Get-Date
& $python -m PyInstaller --noconfirm --clean --distpath dist --workpath build\pyinstaller packaging\gonghui-desk.spec
if ($LASTEXITCODE -ne 0) { throw "PyInstaller failed" }
$seconds = [int]((Get-Date) - $started).TotalSeconds
$size = [int]((Get-ChildItem dist\gonghui-desk -Recurse | Measure-Object Length -Sum).Sum / 1MB)
Write-Host "Built dist\gonghui-desk in $seconds s: $size MB"

# Smoke test of the bundle on a throw-away database, without a window.
$env:QT_QPA_PLATFORM = "offscreen"
$env:GONGHUI_DATA_DIR = Join-Path $env:TEMP "gonghui-smoke"
$db = Join-Path $env:GONGHUI_DATA_DIR "smoke.sqlite3"
Remove-Item -Recurse -Force $env:GONGHUI_DATA_DIR -ErrorAction SilentlyContinue
$cli = "dist\gonghui-desk\gonghui-desk-cli.exe"
foreach ($step in @(@("init"), @("demo", "--members", "500"), @("check"),
                    @("export", "member-roster", "--out", (Join-Path $env:GONGHUI_DATA_DIR "x.pdf")))) {
  & $cli --db $db @step
  if ($LASTEXITCODE -ne 0) { throw "bundle smoke test failed at: $step" }
}
Remove-Item Env:QT_QPA_PLATFORM, Env:GONGHUI_DATA_DIR

$version = & $python -c "import gonghui_desk; print(gonghui_desk.__version__)"
$iscc = Join-Path ${env:ProgramFiles(x86)} "Inno Setup 6\ISCC.exe"
if (-not (Test-Path $iscc)) { $iscc = Join-Path $env:LOCALAPPDATA "Programs\Inno Setup 6\ISCC.exe" }
& $iscc "/DAppVersion=$version" packaging\windows\gonghui-desk.iss
if ($LASTEXITCODE -ne 0) { throw "Inno Setup failed" }
Write-Host "Installer: dist\gonghui-desk-$version-setup.exe"
