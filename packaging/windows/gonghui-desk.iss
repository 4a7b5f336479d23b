; Inno Setup 6 script: installs the PyInstaller one-folder build for the current user.
; Built by packaging\windows\build.ps1, which passes /DAppVersion=<version>.
;
; - No administrator rights: PrivilegesRequired=lowest installs into
;   %LOCALAPPDATA%\Programs\工会桌面 with Start-menu and (optional) desktop shortcuts.
; - Upgrades: the same AppId, so a newer setup replaces the program in place.
; - The data (database, backups, settings, logs) lives in %APPDATA%\gonghui-desk, which this
;   script never names: neither an upgrade nor uninstalling touches it. The program backs
;   the database up itself before it migrates it to a newer structure.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#define AppName "工会桌面"
#define AppExe "gonghui-desk.exe"
#define Root "..\.."

[Setup]
AppId={{3B8E6C1D-5F2A-4C7B-9E4D-2A1F6B0C8D93}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppName}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#Root}\dist
OutputBaseFilename=gonghui-desk-{#AppVersion}-setup
SetupIconFile={#Root}\resources\icons\gonghui-desk.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName} {#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes
RestartApplications=no

[Languages]
#if FileExists(CompilerPath + "Languages\ChineseSimplified.isl")
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#else
Name: "english"; MessagesFile: "compiler:Default.isl"
#endif

[Tasks]
Name: "desktopicon"; Description: "在桌面创建快捷方式"; GroupDescription: "快捷方式："

[InstallDelete]
; The previous version's program files only (a newer Qt or Python brings other files).
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#Root}\dist\gonghui-desk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "启动{#AppName}"; Flags: nowait postinstall skipifsilent
