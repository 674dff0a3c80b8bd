; Inno Setup 6 script: a per-user installer (no admin rights) for the onedir bundle dist\nnsim.
;
;   iscc /DAppVersion=0.1.0 packaging\windows\nnsim.iss
;
; writes dist\nnsim-<version>-windows-x64-setup.exe. Run packaging/build.sh (or PyInstaller with
; packaging/nnsim.spec) first. Paths below are relative to this file.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#define AppName "nnsim"
#define AppExe "nnsim.exe"
; Same id as the .desktop file on Linux; the process sets it too (nnsim/desktop.py), so the
; taskbar groups the running app with its Start-menu shortcut.
#define AppUserModelId "io.github.nnsim.Nnsim"
; Lesson files: the same extension and MIME type as nnsim/desktop.py (LESSON_EXTENSION,
; LESSON_MIME_TYPE); a double-click opens them in nnsim.
#define LessonExt ".nnsim"
#define LessonMimeType "application/x-nnsim-lesson"
#define LessonProgId "nnsim.Lesson"

[Setup]
; Never change AppId: upgrades and the uninstaller find earlier installs by it.
AppId={{D1D42BDD-C3F5-4481-80FA-D3FB1C19F6BF}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=nnsim developers
AppPublisherURL=https://github.com/nnsim/nnsim
VersionInfoVersion={#AppVersion}
; Per user, no UAC prompt: {autopf} is %LOCALAPPDATA%\Programs in this mode.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
SourceDir=..\..
OutputDir=dist
OutputBaseFilename={#AppName}-{#AppVersion}-windows-x64-setup
SetupIconFile=resources\icons\nnsim.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes
; Tell Explorer about the .nnsim association at the end of setup and uninstall.
ChangesAssociations=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "german"; MessagesFile: "compiler:Languages\German.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the bundle whole: files a newer build no longer has must not linger.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "dist\nnsim\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; AppUserModelID: "{#AppUserModelId}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; AppUserModelID: "{#AppUserModelId}"; Tasks: desktopicon

[Registry]
; Per user (HKA is HKCU in this non-admin install): .nnsim -> nnsim.Lesson -> "nnsim.exe" "%1".
Root: HKA; Subkey: "Software\Classes\{#LessonExt}"; ValueType: string; ValueName: ""; ValueData: "{#LessonProgId}"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\{#LessonExt}"; ValueType: string; ValueName: "Content Type"; ValueData: "{#LessonMimeType}"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\{#LessonExt}\OpenWithProgids"; ValueType: string; ValueName: "{#LessonProgId}"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\{#LessonProgId}"; ValueType: string; ValueName: ""; ValueData: "nnsim lesson"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\{#LessonProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKA; Subkey: "Software\Classes\{#LessonProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: "{#LessonExt}"; ValueData: ""; Flags: uninsdeletekey

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
