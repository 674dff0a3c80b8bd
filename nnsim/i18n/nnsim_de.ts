<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name></name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>Open &amp;lesson</source>
        <translation>&amp;Lektion öffnen</translation>
    </message>
    <message>
        <source>The lecture&apos;s demos as lesson files</source>
        <translation>Die Demos der Vorlesung als Lektionsdateien</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open a lesson file (.nnsim): settings, data, weights and notes</source>
        <translation>Eine Lektionsdatei (.nnsim) öffnen: Einstellungen, Daten, Gewichte und Hinweise</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Save the session as a lesson file (.nnsim)</source>
        <translation>Die Sitzung als Lektionsdatei (.nnsim) speichern</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Speichern &amp;unter…</translation>
    </message>
    <message>
        <source>Save the session in a new lesson file</source>
        <translation>Die Sitzung in einer neuen Lektionsdatei speichern</translation>
    </message>
    <message>
        <source>&amp;Import CSV…</source>
        <translation>CSV &amp;importieren…</translation>
    </message>
    <message>
        <source>Load a dataset from a CSV file (Ctrl+I)</source>
        <translation>Einen Datensatz aus einer CSV-Datei laden (Strg+I)</translation>
    </message>
    <message>
        <source>Export lab &amp;notebook…</source>
        <translation>Labor&amp;protokoll exportieren…</translation>
    </message>
    <message>
        <source>Save a folder with a report, the loss history, the figures, the weights and the lesson file: what you hand in for an exercise</source>
        <translation>Einen Ordner mit Bericht, Verlaufskurve des Verlusts, Abbildungen, Gewichten und Lektionsdatei speichern: das, was Sie zu einer Übung abgeben</translation>
    </message>
    <message>
        <source>&amp;Export plot as PNG/SVG…</source>
        <translation>Diagramm als PNG/SVG &amp;exportieren…</translation>
    </message>
    <message>
        <source>Save the loss plot or the landscape as an image</source>
        <translation>Das Verlustdiagramm oder die Verlustlandschaft als Bild speichern</translation>
    </message>
    <message>
        <source>Export &amp;weights as CSV…</source>
        <translation>&amp;Gewichte als CSV exportieren…</translation>
    </message>
    <message>
        <source>Save every weight and bias with its value</source>
        <translation>Jedes Gewicht und jeden Bias mit seinem Wert speichern</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Train</source>
        <translation>&amp;Trainieren</translation>
    </message>
    <message>
        <source>Start or pause training (Space)</source>
        <translation>Training starten oder anhalten (Leertaste)</translation>
    </message>
    <message>
        <source>&amp;Step one epoch</source>
        <translation>&amp;Schritt</translation>
    </message>
    <message>
        <source>Train exactly one epoch: one gradient-descent step (F10)</source>
        <translation>Genau eine Epoche trainieren: ein Schritt des Gradientenabstiegs (F10)</translation>
    </message>
    <message>
        <source>&amp;Reset</source>
        <translation>&amp;Zurücksetzen</translation>
    </message>
    <message>
        <source>New initial weights from the seed, back to epoch 0 (Ctrl+R)</source>
        <translation>Neue Anfangsgewichte aus dem Startwert, zurück zu Epoche 0 (Strg+R)</translation>
    </message>
    <message>
        <source>&amp;Evaluate on test set</source>
        <translation>Auf Test&amp;daten auswerten</translation>
    </message>
    <message>
        <source>The final evaluation: the test loss of the current weights</source>
        <translation>Die abschließende Auswertung: der Testverlust der aktuellen Gewichte</translation>
    </message>
    <message>
        <source>Restore &amp;best epoch</source>
        <translation>&amp;Beste Epoche wiederherstellen</translation>
    </message>
    <message>
        <source>Back to the weights of the epoch with the lowest dev loss</source>
        <translation>Zurück zu den Gewichten der Epoche mit dem niedrigsten Entwicklungsverlust</translation>
    </message>
    <message>
        <source>&amp;Compare learning rates</source>
        <translation>Lernraten &amp;vergleichen</translation>
    </message>
    <message>
        <source>Train the run&apos;s initial weights with three learning rates (η/10, η, 10·η, or those in the Runs dock) and overlay them on the loss plot and the landscape</source>
        <translation>Die Anfangsgewichte dieses Laufs mit drei Lernraten trainieren (η/10, η, 10·η oder die im Bereich „Läufe“) und sie im Verlustdiagramm und in der Verlustlandschaft übereinanderlegen</translation>
    </message>
    <message>
        <source>C&amp;lear comparison</source>
        <translation>Vergleich &amp;entfernen</translation>
    </message>
    <message>
        <source>Remove the pinned runs from the loss plot and the landscape</source>
        <translation>Die angehefteten Läufe aus dem Verlustdiagramm und der Verlustlandschaft entfernen</translation>
    </message>
    <message>
        <source>T&amp;une on dev set…</source>
        <translation>Auf Entwicklungsdaten &amp;abstimmen…</translation>
    </message>
    <message>
        <source>Train every combination of learning rate and hidden units and compare them on the development set</source>
        <translation>Jede Kombination aus Lernrate und Zahl verborgener Neuronen trainieren und auf den Entwicklungsdaten vergleichen</translation>
    </message>
    <message>
        <source>&amp;Log-scale loss</source>
        <translation>Verlust &amp;logarithmisch</translation>
    </message>
    <message>
        <source>Show the loss on a logarithmic axis</source>
        <translation>Den Verlust auf einer logarithmischen Achse zeigen</translation>
    </message>
    <message>
        <source>Show activation &amp;derivative</source>
        <translation>&amp;Ableitung der Aktivierung zeigen</translation>
    </message>
    <message>
        <source>Also plot the derivative of the activation</source>
        <translation>Auch die Ableitung der Aktivierungsfunktion zeichnen</translation>
    </message>
    <message>
        <source>&amp;Presenter mode</source>
        <translation>&amp;Präsentationsmodus</translation>
    </message>
    <message>
        <source>Full screen for the lecture hall: the network and both plots in large type, high contrast (F5; Esc leaves)</source>
        <translation>Vollbild für den Hörsaal: das Netz und beide Diagramme in großer Schrift und mit hohem Kontrast (F5; Esc beendet ihn)</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>&amp;Vergrößern</translation>
    </message>
    <message>
        <source>Larger fonts and lines in the network and the plots (Ctrl++)</source>
        <translation>Größere Schrift und dickere Linien im Netz und in den Diagrammen (Strg++)</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <source>Smaller fonts and lines in the network and the plots (Ctrl+−)</source>
        <translation>Kleinere Schrift und dünnere Linien im Netz und in den Diagrammen (Strg+−)</translation>
    </message>
    <message>
        <source>&amp;Normal size</source>
        <translation>&amp;Normalgröße</translation>
    </message>
    <message>
        <source>Back to the normal size (Ctrl+0)</source>
        <translation>Zurück zur normalen Größe (Strg+0)</translation>
    </message>
    <message>
        <source>&amp;Guide</source>
        <translation>&amp;Anleitung</translation>
    </message>
    <message>
        <source>A short guide along the lecture, with the shortcuts (F1)</source>
        <translation>Eine kurze Anleitung entlang der Vorlesung, mit den Tastenkürzeln (F1)</translation>
    </message>
    <message>
        <source>&amp;Start page</source>
        <translation>&amp;Startseite</translation>
    </message>
    <message>
        <source>The welcome page with the lecture&apos;s demos</source>
        <translation>Die Willkommensseite mit den Demos der Vorlesung</translation>
    </message>
    <message>
        <source>&amp;About nnsim</source>
        <translation>&amp;Über nnsim</translation>
    </message>
    <message>
        <source>E&amp;xplain the step</source>
        <translation>Schritt e&amp;rklären</translation>
    </message>
    <message>
        <source>Walk through one epoch with every number: Step (F10) then computes one phase at a time — forward, loss, backward, update (F9 turns it on and off)</source>
        <translation>Eine Epoche mit allen Zahlen durchgehen: „Schritt“ (F10) berechnet dann eine Phase nach der anderen – Vorwärtsdurchlauf, Verlust, Rückwärtsdurchlauf, Aktualisierung (F9 schaltet es ein und aus)</translation>
    </message>
    <message>
        <source>Show &amp;gradients</source>
        <translation>&amp;Gradienten zeigen</translation>
    </message>
    <message>
        <source>Draw each connection&apos;s slope ∂L/∂w instead of its weight: colour = sign, width = size (Ctrl+G)</source>
        <translation>Statt des Gewichts die Steigung ∂L/∂w jeder Verbindung zeichnen: Farbe = Vorzeichen, Breite = Betrag (Strg+G)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
</context>
<context>
    <name>ActivationPreview</name>
    <message>
        <source>Show derivative (dashed)</source>
        <translation>Ableitung zeigen (gestrichelt)</translation>
    </message>
    <message>
        <source>Backpropagation multiplies by this slope; where it is near 0 the unit learns slowly</source>
        <translation>Die Fehlerrückführung multipliziert mit dieser Steigung; wo sie nahe 0 ist, lernt das Neuron langsam</translation>
    </message>
    <message>
        <source>Softmax&apos;s derivative couples all outputs; there is no single curve</source>
        <translation>Die Ableitung von Softmax koppelt alle Ausgaben; es gibt keine einzelne Kurve</translation>
    </message>
    <message>
        <source>(plotted: first output, other input 0)</source>
        <translation>(gezeichnet: erste Ausgabe, andere Eingabe 0)</translation>
    </message>
    <message>
        <source>%1  (dashed)</source>
        <translation>%1  (gestrichelt)</translation>
    </message>
</context>
<context>
    <name>BuiltinDatasets</name>
    <message>
        <source>Vowels /ɪ/ vs /ɛ/</source>
        <translation>Vokale /ɪ/ und /ɛ/</translation>
    </message>
    <message>
        <source>Tell the vowels of “hid” and “head” apart from their formants F1, F2 and F3, sampled around Peterson &amp; Barney’s (1952) averages for men.</source>
        <translation>Die Vokale von „hid“ und „head“ anhand ihrer Formanten F1, F2 und F3 unterscheiden, gestreut um die Mittelwerte für Männer von Peterson &amp; Barney (1952).</translation>
    </message>
    <message>
        <source>XOR (3-D)</source>
        <translation>XOR (3-D)</translation>
    </message>
    <message>
        <source>Is the sign of x1 different from the sign of x2? No straight cut can tell, a hidden layer can; x3 is pure noise.</source>
        <translation>Hat x1 ein anderes Vorzeichen als x2? Kein gerader Schnitt kann das entscheiden, eine verborgene Schicht schon; x3 ist reines Rauschen.</translation>
    </message>
    <message>
        <source>Smooth curves (regression)</source>
        <translation>Glatte Kurven (Regression)</translation>
    </message>
    <message>
        <source>Predict two numbers, y1 = sin(x1) + 0.5·x2 and y2 = tanh(2·x3) + 0.5·sin(x1), from three inputs.</source>
        <translation>Zwei Zahlen aus drei Eingaben vorhersagen: y1 = sin(x1) + 0,5·x2 und y2 = tanh(2·x3) + 0,5·sin(x1).</translation>
    </message>
</context>
<context>
    <name>CommandError</name>
    <message>
        <source>there is no built-in dataset “%1”</source>
        <translation>es gibt keinen eingebauten Datensatz „%1“</translation>
    </message>
    <message>
        <source>the hidden layer holds 1 to %1 units, not %2</source>
        <translation>die verborgene Schicht hat 1 bis %1 Neuronen, nicht %2</translation>
    </message>
    <message>
        <source>the Data view needs two different inputs out of %1</source>
        <translation>die Datenansicht braucht zwei verschiedene der %1 Eingaben</translation>
    </message>
    <message>
        <source>the step explainer follows a training row from 1 to %1 or the mean of all rows, not row %2</source>
        <translation>der Schritt-Erklärer folgt einer Trainingszeile von 1 bis %1 oder dem Mittel aller Zeilen, nicht Zeile %2</translation>
    </message>
    <message>
        <source>the speed must be a positive number of epochs per second</source>
        <translation>die Geschwindigkeit muss eine positive Zahl von Epochen pro Sekunde sein</translation>
    </message>
    <message>
        <source>the range needs two finite numbers, the first below the second</source>
        <translation>der Bereich braucht zwei endliche Zahlen, die erste kleiner als die zweite</translation>
    </message>
    <message>
        <source>the value of %1 must lie between −%2 and %2</source>
        <translation>der Wert von %1 muss zwischen −%2 und %2 liegen</translation>
    </message>
    <message>
        <source>run %1 is no longer kept in this session</source>
        <translation>Lauf %1 ist in dieser Sitzung nicht mehr gespeichert</translation>
    </message>
    <message>
        <source>give at least one learning rate to compare</source>
        <translation>geben Sie mindestens eine Lernrate zum Vergleichen an</translation>
    </message>
    <message>
        <source>every learning rate to compare must be a positive number, not %1</source>
        <translation>jede zu vergleichende Lernrate muss eine positive Zahl sein, nicht %1</translation>
    </message>
    <message>
        <source>a comparison trains 1 to %1 epochs, not %2</source>
        <translation>ein Vergleich trainiert 1 bis %1 Epochen, nicht %2</translation>
    </message>
</context>
<context>
    <name>ControlPanel</name>
    <message>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <source>The examples the network learns from</source>
        <translation>Die Beispiele, aus denen das Netz lernt</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importieren…</translation>
    </message>
    <message>
        <source>Load your own data: a CSV file with a header row; the last column is the target</source>
        <translation>Eigene Daten laden: eine CSV-Datei mit einer Kopfzeile; die letzte Spalte ist der Zielwert</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <source>How many examples to generate</source>
        <translation>Wie viele Beispiele erzeugt werden</translation>
    </message>
    <message>
        <source>How much the examples scatter around the pattern</source>
        <translation>Wie stark die Beispiele um das Muster streuen</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>Beispiele</translation>
    </message>
    <message>
        <source>Noise</source>
        <translation>Rauschen</translation>
    </message>
    <message>
        <source>Training set: used to fit the weights</source>
        <translation>Trainingsdaten: damit werden die Gewichte angepasst</translation>
    </message>
    <message>
        <source>Development set: used to tune the learning rate and the number of hidden units</source>
        <translation>Entwicklungsdaten: damit werden die Lernrate und die Zahl der verborgenen Neuronen abgestimmt</translation>
    </message>
    <message>
        <source>Test set: only for the final evaluation</source>
        <translation>Testdaten: nur für die abschließende Auswertung</translation>
    </message>
    <message>
        <source>Which random split (same seed, same split)</source>
        <translation>Welche zufällige Aufteilung (gleicher Startwert, gleiche Aufteilung)</translation>
    </message>
    <message>
        <source>Train %</source>
        <translation>Training %</translation>
    </message>
    <message>
        <source>Dev %</source>
        <translation>Entwicklung %</translation>
    </message>
    <message>
        <source>Split seed</source>
        <translation>Startwert</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Netz</translation>
    </message>
    <message>
        <source>Units in the hidden layer (H1, H2, …)</source>
        <translation>Neuronen in der verborgenen Schicht (H1, H2, …)</translation>
    </message>
    <message>
        <source>Seed of the initial weights (used by Reset)</source>
        <translation>Startwert der Anfangsgewichte (für „Zurücksetzen“)</translation>
    </message>
    <message>
        <source>Weight seed</source>
        <translation>Startwert Gewichte</translation>
    </message>
    <message>
        <source>Hidden units</source>
        <translation>Verborgene Neuronen</translation>
    </message>
    <message>
        <source>Activation of the hidden units</source>
        <translation>Aktivierungsfunktion der verborgenen Neuronen</translation>
    </message>
    <message>
        <source>Hidden activation</source>
        <translation>Verborgene Aktivierung</translation>
    </message>
    <message>
        <source>Activation of the output units</source>
        <translation>Aktivierungsfunktion der Ausgabeneuronen</translation>
    </message>
    <message>
        <source>Output activation</source>
        <translation>Ausgabeaktivierung</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>Regression: MSE or MAE. Classification: cross-entropy; several classes: categorical cross-entropy</source>
        <translation>Regression: MSE oder MAE. Klassifikation: Kreuzentropie; bei mehreren Klassen kategoriale Kreuzentropie</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <source>Learning rate η: how far each step goes against the gradient. Too high overshoots and diverges, too low crawls. Changeable while training.</source>
        <translation>Lernrate η: wie weit jeder Schritt gegen den Gradienten geht. Zu hoch schießt über das Ziel hinaus und divergiert, zu niedrig kriecht. Auch während des Trainings änderbar.</translation>
    </message>
    <message>
        <source>Learning rate η</source>
        <translation>Lernrate η</translation>
    </message>
    <message>
        <source>Full batch</source>
        <translation>Voller Batch</translation>
    </message>
    <message>
        <source>Examples per gradient step: the whole training set, or shuffled mini-batches</source>
        <translation>Beispiele je Gradientenschritt: alle Trainingsdaten oder zufällig gemischte Mini-Batches</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>Batchgröße</translation>
    </message>
    <message>
        <source>Slow motion for the lecture hall (1 epoch per second) up to as fast as possible</source>
        <translation>Von Zeitlupe für den Hörsaal (1 Epoche pro Sekunde) bis so schnell wie möglich</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Tempo</translation>
    </message>
    <message>
        <source>Train only the selected parameter</source>
        <translation>Nur gewählten Parameter trainieren</translation>
    </message>
    <message>
        <source>Freeze every other weight: the run then walks exactly along the landscape&apos;s curve</source>
        <translation>Alle anderen Gewichte einfrieren: Der Lauf folgt dann genau der Kurve der Verlustlandschaft</translation>
    </message>
    <message>
        <source>Stop when the dev loss stalls for</source>
        <translation>Früh stoppen nach</translation>
    </message>
    <message>
        <source>Early stopping: pause once the development loss has not improved for this many epochs; Train → Restore best epoch goes back to its lowest point</source>
        <translation>Frühes Stoppen: anhalten, sobald sich der Entwicklungsverlust so viele Epochen lang nicht verbessert hat; Training → Beste Epoche wiederherstellen kehrt zu seinem Tiefpunkt zurück</translation>
    </message>
    <message>
        <source>Patience: epochs without a better dev loss</source>
        <translation>Geduld: Epochen ohne besseren Entwicklungsverlust</translation>
    </message>
    <message>
        <source>Test %1 %</source>
        <translation>Test %1 %</translation>
    </message>
    <message>
        <source>Test %1 %!</source>
        <translation>Test %1 %!</translation>
    </message>
    <message>
        <source>The test set needs at least 5 %: lower the training or dev share. Nothing is applied until it has.</source>
        <translation>Die Testdaten brauchen mindestens 5 %: Verringern Sie den Anteil für Training oder Entwicklung. Bis dahin wird nichts übernommen.</translation>
    </message>
    <message>
        <source>max</source>
        <translation>max.</translation>
    </message>
    <message>
        <source>%1 epochs/s</source>
        <translation>%1 Epochen/s</translation>
    </message>
    <message>
        <source>%1 is for classification; this data is a regression task: use MSE or MAE.</source>
        <translation>%1 ist für Klassifikation gedacht; diese Daten sind eine Regressionsaufgabe: Verwenden Sie MSE oder MAE.</translation>
    </message>
    <message>
        <source>%1 needs targets between 0 and 1.</source>
        <translation>%1 braucht Zielwerte zwischen 0 und 1.</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>Datei: %1</translation>
    </message>
</context>
<context>
    <name>DataView</name>
    <message>
        <source>The input along the horizontal axis</source>
        <translation>Die Eingabe auf der waagerechten Achse</translation>
    </message>
    <message>
        <source>The input along the vertical axis</source>
        <translation>Die Eingabe auf der senkrechten Achse</translation>
    </message>
    <message>
        <source>Horizontal:</source>
        <translation>Waagerecht:</translation>
    </message>
    <message>
        <source>Vertical:</source>
        <translation>Senkrecht:</translation>
    </message>
    <message>
        <source>Every row over the two chosen inputs: filled circles are training rows, hollow circles development rows, crosses test rows (shown only after the final evaluation). The background is the network&apos;s output there: for classification the predicted class, stronger where the network is surer.</source>
        <translation>Jede Zeile über den zwei gewählten Eingaben: gefüllte Kreise sind Trainingszeilen, leere Kreise Entwicklungszeilen, Kreuze Testzeilen (erst nach der abschließenden Auswertung sichtbar). Der Hintergrund zeigt die Ausgabe des Netzes an dieser Stelle: bei Klassifikation die vorhergesagte Klasse, kräftiger, wo das Netz sicherer ist.</translation>
    </message>
    <message>
        <source>Colour: the class (or the target&apos;s value); shape: the set</source>
        <translation>Farbe: die Klasse (oder der Zielwert); Form: die Menge</translation>
    </message>
    <message>
        <source>showing %1 of %2 %3 rows</source>
        <translation>%1 von %2 Zeilen (%3) gezeigt</translation>
    </message>
    <message>
        <source>%1 fixed at its training mean</source>
        <translation>%1 auf ihrem Trainingsmittelwert festgehalten</translation>
    </message>
    <message>
        <source>%1 fixed at their training means</source>
        <translation>%1 auf ihren Trainingsmittelwerten festgehalten</translation>
    </message>
    <message>
        <source>training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>development</source>
        <translation>Entwicklung</translation>
    </message>
    <message>
        <source>test</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>The Data view needs at least two inputs</source>
        <translation>Die Datenansicht braucht mindestens zwei Eingaben</translation>
    </message>
</context>
<context>
    <name>DatasetError</name>
    <message>
        <source>the file name contains a NUL character, which no file name can hold. Choose the file again.</source>
        <translation>der Dateiname enthält ein NUL-Zeichen, das kein Dateiname enthalten kann. Wählen Sie die Datei erneut aus.</translation>
    </message>
    <message>
        <source>this is a folder, not a file (%1). Choose a .csv file.</source>
        <translation>dies ist ein Ordner, keine Datei (%1). Wählen Sie eine .csv-Datei.</translation>
    </message>
    <message>
        <source>this is not a regular file (it is %1). Choose a .csv file saved on a disk.</source>
        <translation>dies ist keine gewöhnliche Datei (sondern %1). Wählen Sie eine .csv-Datei, die auf einem Datenträger gespeichert ist.</translation>
    </message>
    <message>
        <source>the file is %1; nnsim reads files up to %2, with at most %3 rows. Use a part of the data.</source>
        <translation>die Datei ist %1 groß; nnsim liest Dateien bis %2 mit höchstens %3 Zeilen. Verwenden Sie einen Teil der Daten.</translation>
    </message>
    <message>
        <source>the file is larger than %1; nnsim reads files up to %1, with at most %2 rows. Use a part of the data.</source>
        <translation>die Datei ist größer als %1; nnsim liest Dateien bis %1 mit höchstens %2 Zeilen. Verwenden Sie einen Teil der Daten.</translation>
    </message>
    <message>
        <source>the file does not exist (%1). Check the folder and the spelling of the name.</source>
        <translation>die Datei existiert nicht (%1). Prüfen Sie den Ordner und die Schreibweise des Namens.</translation>
    </message>
    <message>
        <source>a part of the path is a file, not a folder (%1). Check the folder.</source>
        <translation>ein Teil des Pfads ist eine Datei, kein Ordner (%1). Prüfen Sie den Ordner.</translation>
    </message>
    <message>
        <source>the file name is too long (%1 bytes; at most 255 are allowed). Rename the file.</source>
        <translation>der Dateiname ist zu lang (%1 Byte; höchstens 255 sind erlaubt). Benennen Sie die Datei um.</translation>
    </message>
    <message>
        <source>the path is too long (%1 bytes). Move the file to a folder with a shorter path.</source>
        <translation>der Pfad ist zu lang (%1 Byte). Verschieben Sie die Datei in einen Ordner mit kürzerem Pfad.</translation>
    </message>
    <message>
        <source>the path contains symbolic links that lead in a circle (%1).</source>
        <translation>der Pfad enthält symbolische Verknüpfungen, die im Kreis führen (%1).</translation>
    </message>
    <message>
        <source>the file cannot be read (%1). Check that it is not open in another program and that you may read it.</source>
        <translation>die Datei kann nicht gelesen werden (%1). Prüfen Sie, ob sie in einem anderen Programm geöffnet ist und ob Sie sie lesen dürfen.</translation>
    </message>
    <message>
        <source>there is not enough free memory to load this file. Close other programs, or use a smaller file.</source>
        <translation>es ist nicht genug freier Arbeitsspeicher vorhanden, um diese Datei zu laden. Schließen Sie andere Programme oder verwenden Sie eine kleinere Datei.</translation>
    </message>
    <message>
        <source>this is not a text file (it contains binary data); perhaps it is an Excel workbook. Open it in a spreadsheet program and save it as “CSV UTF-8 (comma delimited)”.</source>
        <translation>dies ist keine Textdatei (sie enthält Binärdaten); vielleicht ist es eine Excel-Arbeitsmappe. Öffnen Sie sie in einer Tabellenkalkulation und speichern Sie sie als „CSV UTF-8 (durch Trennzeichen getrennt)“.</translation>
    </message>
    <message>
        <source>the file claims to be %1 text but has invalid bytes at byte %2. Open it in a spreadsheet program and save it as “CSV UTF-8 (comma delimited)”.</source>
        <translation>die Datei gibt an, %1-Text zu sein, enthält aber ungültige Bytes ab Byte %2. Öffnen Sie sie in einer Tabellenkalkulation und speichern Sie sie als „CSV UTF-8 (durch Trennzeichen getrennt)“.</translation>
    </message>
    <message>
        <source>the file mixes text encodings: this line is not valid UTF-8, but other lines are. Open it in a spreadsheet program and save it as “CSV UTF-8 (comma delimited)”.</source>
        <translation>die Datei mischt Textkodierungen: Diese Zeile ist kein gültiges UTF-8, andere Zeilen schon. Öffnen Sie sie in einer Tabellenkalkulation und speichern Sie sie als „CSV UTF-8 (durch Trennzeichen getrennt)“.</translation>
    </message>
    <message>
        <source>a value starting on this line is longer than %1 characters, far too long for a number or a name. Perhaps a double quote (&quot;) is not closed, so that the rest of the file is read as one value.</source>
        <translation>ein Wert, der in dieser Zeile beginnt, ist länger als %1 Zeichen, viel zu lang für eine Zahl oder einen Namen. Vielleicht ist ein doppeltes Anführungszeichen (&quot;) nicht geschlossen, sodass der Rest der Datei als ein einziger Wert gelesen wird.</translation>
    </message>
    <message>
        <source>the file cannot be read as CSV (%1). Check the quotes on this line.</source>
        <translation>die Datei kann nicht als CSV gelesen werden (%1). Prüfen Sie die Anführungszeichen in dieser Zeile.</translation>
    </message>
    <message>
        <source>the file is empty. It needs a header line with column names and one line of numbers per sample.</source>
        <translation>die Datei ist leer. Sie braucht eine Kopfzeile mit Spaltennamen und eine Zeile mit Zahlen pro Beispiel.</translation>
    </message>
    <message>
        <source>the file has a header line but no data. Add one line of values per sample below the header.</source>
        <translation>die Datei hat eine Kopfzeile, aber keine Daten. Fügen Sie unter der Kopfzeile eine Zeile mit Werten pro Beispiel hinzu.</translation>
    </message>
    <message>
        <source>the file has more than %1 rows of data; nnsim reads at most %1. Use a part of the rows.</source>
        <translation>die Datei hat mehr als %1 Datenzeilen; nnsim liest höchstens %1. Verwenden Sie einen Teil der Zeilen.</translation>
    </message>
    <message>
        <source>the header has only one column. The file needs at least two columns, features and a target, separated by commas, semicolons or tabs.</source>
        <translation>die Kopfzeile hat nur eine Spalte. Die Datei braucht mindestens zwei Spalten, Merkmale und einen Zielwert, getrennt durch Kommas, Semikolons oder Tabulatoren.</translation>
    </message>
    <message>
        <source>the first line holds numbers, but it must hold the column names. Add a header line such as “x1,x2,x3,y”.</source>
        <translation>die erste Zeile enthält Zahlen, sie muss aber die Spaltennamen enthalten. Fügen Sie eine Kopfzeile wie „x1,x2,x3,y“ hinzu.</translation>
    </message>
    <message>
        <source>this column has no name in the header. Give every column a name.</source>
        <translation>diese Spalte hat in der Kopfzeile keinen Namen. Geben Sie jeder Spalte einen Namen.</translation>
    </message>
    <message>
        <source>two columns are called “%1” (columns %2 and %3). Give every column its own name.</source>
        <translation>zwei Spalten heißen „%1“ (Spalten %2 und %3). Geben Sie jeder Spalte einen eigenen Namen.</translation>
    </message>
    <message>
        <source>no target column was chosen. Choose at least one column for the network to predict.</source>
        <translation>es wurde keine Zielspalte gewählt. Wählen Sie mindestens eine Spalte, die das Netz vorhersagen soll.</translation>
    </message>
    <message>
        <source>there is no column called “%1”. The columns are: %2.</source>
        <translation>es gibt keine Spalte namens „%1“. Die Spalten sind: %2.</translation>
    </message>
    <message>
        <source>there is no column called “%1”. The columns are: %2 and %3 more.</source>
        <translation>es gibt keine Spalte namens „%1“. Die Spalten sind: %2 und %3 weitere.</translation>
    </message>
    <message>
        <source>there is no feature column: every column is a target. Leave at least one column as input for the network.</source>
        <translation>es gibt keine Merkmalsspalte: Jede Spalte ist ein Zielwert. Lassen Sie mindestens eine Spalte als Eingabe für das Netz.</translation>
    </message>
    <message>
        <source>there are %1 feature columns, but the input layer holds at most %2 units. Delete some columns.</source>
        <translation>es gibt %1 Merkmalsspalten, die Eingabeschicht hat aber höchstens %2 Neuronen. Löschen Sie einige Spalten.</translation>
    </message>
    <message>
        <source>there are %1 target columns, but the output layer holds at most %2 units.</source>
        <translation>es gibt %1 Zielspalten, die Ausgabeschicht hat aber höchstens %2 Neuronen.</translation>
    </message>
    <message>
        <source>this line has %1 values, but the header has %2 columns. Look for a missing value or an extra %3; a value that contains a %3 must be in double quotes.</source>
        <translation>diese Zeile hat %1 Werte, die Kopfzeile aber %2 Spalten. Suchen Sie nach einem fehlenden Wert oder einem überzähligen Trennzeichen (%3); ein Wert, der dieses Zeichen enthält, muss in doppelten Anführungszeichen stehen.</translation>
    </message>
    <message>
        <source>the header has %1 columns; nnsim reads at most %2, and the network uses at most %3 inputs and %3 outputs. Delete the columns you do not need.</source>
        <translation>die Kopfzeile hat %1 Spalten; nnsim liest höchstens %2, und das Netz verwendet höchstens %3 Eingaben und %3 Ausgaben. Löschen Sie die Spalten, die Sie nicht brauchen.</translation>
    </message>
    <message>
        <source>this cell is empty. Every cell needs a value: fill it in or delete the row.</source>
        <translation>diese Zelle ist leer. Jede Zelle braucht einen Wert: Tragen Sie ihn ein oder löschen Sie die Zeile.</translation>
    </message>
    <message>
        <source>“%1” is a missing value. Every cell needs a finite number: fill in a value or delete the row.</source>
        <translation>„%1“ ist ein fehlender Wert. Jede Zelle braucht eine endliche Zahl: Tragen Sie einen Wert ein oder löschen Sie die Zeile.</translation>
    </message>
    <message>
        <source>“%1” is an infinite value. Every cell needs a finite number: fill in a value or delete the row.</source>
        <translation>„%1“ ist ein unendlicher Wert. Jede Zelle braucht eine endliche Zahl: Tragen Sie einen Wert ein oder löschen Sie die Zeile.</translation>
    </message>
    <message>
        <source>“%1” is too large: numbers must lie between -1.8e308 and 1.8e308. Correct the value or delete the row.</source>
        <translation>„%1“ ist zu groß: Zahlen müssen zwischen -1.8e308 und 1.8e308 liegen. Korrigieren Sie den Wert oder löschen Sie die Zeile.</translation>
    </message>
    <message>
        <source>“%1” is not a number. This column holds text; only a target may be text. Delete the column, or choose it as the target.</source>
        <translation>„%1“ ist keine Zahl. Diese Spalte enthält Text; nur ein Zielwert darf Text sein. Löschen Sie die Spalte oder wählen Sie sie als Zielspalte.</translation>
    </message>
    <message>
        <source>“%1” is not a number. Features must be numbers: correct the value or delete the row.</source>
        <translation>„%1“ ist keine Zahl. Merkmale müssen Zahlen sein: Korrigieren Sie den Wert oder löschen Sie die Zeile.</translation>
    </message>
    <message>
        <source>“%1” is not a number. A regression target must be a number: correct the value or delete the row.</source>
        <translation>„%1“ ist keine Zahl. Ein Zielwert der Regression muss eine Zahl sein: Korrigieren Sie den Wert oder löschen Sie die Zeile.</translation>
    </message>
    <message>
        <source>with several target columns, classification needs one 0/1 column per class with exactly one 1 in each row. Or use a single target column holding the class.</source>
        <translation>bei mehreren Zielspalten braucht die Klassifikation je Klasse eine 0/1-Spalte mit genau einer 1 in jeder Zeile. Oder verwenden Sie eine einzige Zielspalte, die die Klasse enthält.</translation>
    </message>
    <message>
        <source>every row has the same class “%1”. A classifier needs at least two classes.</source>
        <translation>jede Zeile hat dieselbe Klasse „%1“. Ein Klassifikator braucht mindestens zwei Klassen.</translation>
    </message>
    <message>
        <source>the target has %1 different classes (%2, ...), but the output layer holds at most %3 units. If the target is a measured quantity, treat it as regression.</source>
        <translation>der Zielwert hat %1 verschiedene Klassen (%2, ...), die Ausgabeschicht hat aber höchstens %3 Neuronen. Wenn der Zielwert eine Messgröße ist, behandeln Sie ihn als Regression.</translation>
    </message>
    <message>
        <source>too little data to split: the data has %1 rows, but at least %2 are needed: one each for training, development and test. Add more rows.</source>
        <translation>zu wenige Daten zum Aufteilen: Die Daten haben %1 Zeilen, nötig sind aber mindestens %2: je eine für Training, Entwicklung und Test. Fügen Sie weitere Zeilen hinzu.</translation>
    </message>
    <message>
        <source>too little data to split: every class needs at least %1 rows (one each for training, development and test), but these have fewer: %2. Add rows of those classes or remove them.</source>
        <translation>zu wenige Daten zum Aufteilen: Jede Klasse braucht mindestens %1 Zeilen (je eine für Training, Entwicklung und Test), diese haben weniger: %2. Fügen Sie Zeilen dieser Klassen hinzu oder entfernen Sie sie.</translation>
    </message>
    <message>
        <source>comma</source>
        <translation>Komma</translation>
    </message>
    <message>
        <source>semicolon</source>
        <translation>Semikolon</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>Tabulator</translation>
    </message>
    <message>
        <source>a named pipe</source>
        <translation>eine benannte Pipe</translation>
    </message>
    <message>
        <source>a character device</source>
        <translation>ein zeichenorientiertes Gerät</translation>
    </message>
    <message>
        <source>a block device</source>
        <translation>ein blockorientiertes Gerät</translation>
    </message>
    <message>
        <source>a socket</source>
        <translation>ein Socket</translation>
    </message>
    <message>
        <source>a special file</source>
        <translation>eine Spezialdatei</translation>
    </message>
</context>
<context>
    <name>DemoCaption</name>
    <message>
        <source>Hide the caption (the demo stays as it is)</source>
        <translation>Die Beschreibung ausblenden (die Demo bleibt, wie sie ist)</translation>
    </message>
    <message>
        <source>Try this: %1</source>
        <translation>Probieren Sie: %1</translation>
    </message>
    <message>
        <source>Loss scores of these predictions: %1</source>
        <translation>Verlustwerte dieser Vorhersagen: %1</translation>
    </message>
</context>
<context>
    <name>Demos</name>
    <message>
        <source>Activation functions: sigmoid and ReLU</source>
        <translation>Aktivierungsfunktionen: Sigmoid und ReLU</translation>
    </message>
    <message>
        <source>The small plot under the controls is the activation function of the hidden units. The sigmoid squeezes any input into the range between 0 and 1 and gives exactly 0.5 for an input of 0. ReLU lets positive inputs through unchanged, so 2 stays 2, and turns every negative input into 0.</source>
        <translation>Das kleine Diagramm unter den Einstellungen zeigt die Aktivierungsfunktion der verborgenen Neuronen. Die Sigmoidfunktion presst jede Eingabe in den Bereich zwischen 0 und 1 und ergibt für die Eingabe 0 genau 0,5. ReLU lässt positive Eingaben unverändert durch, 2 bleibt also 2, und macht aus jeder negativen Eingabe 0.</translation>
    </message>
    <message>
        <source>Switch the hidden activation to ReLU and watch the preview change shape.</source>
        <translation>Stellen Sie die verborgene Aktivierung auf ReLU um und beobachten Sie, wie die Vorschau ihre Form ändert.</translation>
    </message>
    <message>
        <source>Loss functions: one set of predictions, several scores</source>
        <translation>Verlustfunktionen: dieselben Vorhersagen, verschiedene Bewertungen</translation>
    </message>
    <message>
        <source>A loss function turns all of the network&apos;s misses into one number. The same predictions get two scores here: the mean squared error (MSE) squares each miss, so big misses count heavily, while the mean absolute error (MAE) counts each miss by its plain size. Training lowers whichever one you choose as the loss.</source>
        <translation>Eine Verlustfunktion fasst alle Fehler des Netzes in einer Zahl zusammen. Dieselben Vorhersagen bekommen hier zwei Bewertungen: Der mittlere quadratische Fehler (MSE) quadriert jeden Fehler, große Fehler zählen also stark, der mittlere absolute Fehler (MAE) zählt jeden Fehler mit seinem einfachen Betrag. Das Training senkt diejenige, die Sie als Verlustfunktion wählen.</translation>
    </message>
    <message>
        <source>Switch the data to the vowels: their class predictions are scored with cross-entropy, next to MSE and MAE.</source>
        <translation>Wechseln Sie zu den Vokal-Daten: Ihre Klassenvorhersagen werden mit der Kreuzentropie bewertet, neben MSE und MAE.</translation>
    </message>
    <message>
        <source>One step of gradient descent</source>
        <translation>Ein Schritt des Gradientenabstiegs</translation>
    </message>
    <message>
        <source>The curve is the training loss as the single weight v32 changes; every other weight stays fixed. The slope at the current point shows which way the loss rises, so gradient descent moves the weight the other way, by the learning rate (here 1.5) times the slope. Each Step lands lower on the curve, closer to its minimum.</source>
        <translation>Die Kurve zeigt den Trainingsverlust, wenn sich nur das Gewicht v32 ändert; alle anderen Gewichte bleiben fest. Die Steigung am aktuellen Punkt zeigt, in welche Richtung der Verlust steigt; der Gradientenabstieg bewegt das Gewicht deshalb in die andere Richtung, um die Lernrate (hier 1,5) mal die Steigung. Jeder Schritt landet tiefer auf der Kurve, näher an ihrem Minimum.</translation>
    </message>
    <message>
        <source>Press Step a few times: the steps get shorter as the curve flattens towards the minimum.</source>
        <translation>Drücken Sie einige Male auf „Schritt“: Die Schritte werden kürzer, weil die Kurve zum Minimum hin flacher wird.</translation>
    </message>
    <message>
        <source>Learning rate too high: overshooting</source>
        <translation>Lernrate zu hoch: über das Ziel hinaus</translation>
    </message>
    <message>
        <source>Same weight, same curve, but now the learning rate is 7. Every step is so long that it jumps over the minimum and lands higher up on the other side; the weight zig-zags outwards, the loss grows, and after a few epochs the run is stopped as diverged.</source>
        <translation>Dasselbe Gewicht, dieselbe Kurve, aber jetzt ist die Lernrate 7. Jeder Schritt ist so lang, dass er über das Minimum springt und auf der anderen Seite höher landet; das Gewicht springt im Zickzack nach außen, der Verlust wächst, und nach wenigen Epochen wird der Lauf als divergiert angehalten.</translation>
    </message>
    <message>
        <source>Press Reset, set the learning rate to 6 and train again: it still zig-zags, but each jump is shorter and the run settles.</source>
        <translation>Drücken Sie „Zurücksetzen“, stellen Sie die Lernrate auf 6 und trainieren Sie erneut: Das Gewicht springt noch im Zickzack, aber jeder Sprung ist kürzer, und der Lauf kommt zur Ruhe.</translation>
    </message>
    <message>
        <source>Learning rate too low: crawling</source>
        <translation>Lernrate zu niedrig: Kriechen</translation>
    </message>
    <message>
        <source>Same weight and curve again, with a learning rate of 0.0005. Every step is tiny: after 100 epochs the point has hardly moved and the loss curve is almost flat, although the minimum is still far away.</source>
        <translation>Wieder dasselbe Gewicht und dieselbe Kurve, mit einer Lernrate von 0,0005. Jeder Schritt ist winzig: Nach 100 Epochen hat sich der Punkt kaum bewegt und die Verlustkurve ist fast flach, obwohl das Minimum noch weit entfernt ist.</translation>
    </message>
    <message>
        <source>Set the learning rate to 0.5, press Reset and train again: within about 100 epochs the point reaches the minimum.</source>
        <translation>Stellen Sie die Lernrate auf 0,5, drücken Sie „Zurücksetzen“ und trainieren Sie erneut: Nach etwa 100 Epochen erreicht der Punkt das Minimum.</translation>
    </message>
    <message>
        <source>Stuck in a local minimum</source>
        <translation>Gefangen in einem lokalen Minimum</translation>
    </message>
    <message>
        <source>The data form a lopsided V, and a single ReLU unit can follow only one arm of it: the gentle right arm when the weight w11 is positive, the steep left arm when it is negative. So the loss along w11 has two valleys, and the left one is much deeper. With the small learning rate 0.1 the weight rolls into the nearer, shallower valley and stays there.</source>
        <translation>Die Daten bilden ein schiefes V, und ein einzelnes ReLU-Neuron kann nur einem Arm folgen: dem flachen rechten Arm, wenn das Gewicht w11 positiv ist, dem steilen linken, wenn es negativ ist. Der Verlust entlang w11 hat deshalb zwei Täler, und das linke ist viel tiefer. Mit der kleinen Lernrate 0,1 rollt das Gewicht in das nähere, flachere Tal und bleibt dort.</translation>
    </message>
    <message>
        <source>Press Reset, set the learning rate to 1.5 and train again: the first step jumps over the hill into the deeper valley.</source>
        <translation>Drücken Sie „Zurücksetzen“, stellen Sie die Lernrate auf 1,5 und trainieren Sie erneut: Der erste Schritt springt über den Hügel in das tiefere Tal.</translation>
    </message>
    <message>
        <source>The 3-3-2 network and its parameters</source>
        <translation>Das 3-3-2-Netz und seine Parameter</translation>
    </message>
    <message>
        <source>This is the network of the slide: three inputs (here the formants F1, F2 and F3 of a vowel), three hidden units and two outputs (the vowels of “hid” and “head”). Every connection has a weight, w11 to w33 into the hidden layer and v11 to v32 into the outputs, and every hidden and output unit has a bias, b1 to b5: 20 numbers that training adjusts.</source>
        <translation>Das ist das Netz von der Folie: drei Eingaben (hier die Formanten F1, F2 und F3 eines Vokals), drei verborgene Neuronen und zwei Ausgaben (die Vokale von „hid“ und „head“). Jede Verbindung hat ein Gewicht, w11 bis w33 in die verborgene Schicht und v11 bis v32 in die Ausgaben, und jedes verborgene und jedes Ausgabeneuron hat einen Bias, b1 bis b5: 20 Zahlen, die das Training anpasst.</translation>
    </message>
    <message>
        <source>Click a weight to see its loss curve, or type a new value for it and watch the loss change.</source>
        <translation>Klicken Sie auf ein Gewicht, um seine Verlustkurve zu sehen, oder geben Sie einen neuen Wert ein und beobachten Sie, wie sich der Verlust ändert.</translation>
    </message>
    <message>
        <source>Overfitting: the dev loss turns around</source>
        <translation>Überanpassung: Der Entwicklungsverlust kehrt um</translation>
    </message>
    <message>
        <source>Only 20 noisy training rows, but 9 hidden units with 56 weights and biases: enough to learn the noise by heart. The training loss keeps falling, while the development loss reaches its lowest point early and then climbs, because from there on the network fits the noise instead of the pattern.</source>
        <translation>Nur 20 verrauschte Trainingszeilen, aber 9 verborgene Neuronen mit 56 Gewichten und Bias-Werten: genug, um das Rauschen auswendig zu lernen. Der Trainingsverlust fällt immer weiter, während der Entwicklungsverlust früh seinen Tiefpunkt erreicht und dann steigt, weil das Netz von da an das Rauschen statt des Musters lernt.</translation>
    </message>
    <message>
        <source>Raise Samples to 400 and train again: with ten times as many training rows the dev loss stays near its lowest value.</source>
        <translation>Erhöhen Sie „Beispiele“ auf 400 und trainieren Sie erneut: Mit zehnmal so vielen Trainingszeilen bleibt der Entwicklungsverlust nahe seinem niedrigsten Wert.</translation>
    </message>
    <message>
        <source>Training, development and test data</source>
        <translation>Trainings-, Entwicklungs- und Testdaten</translation>
    </message>
    <message>
        <source>The rows are split at random: 70 % for training, 15 % for development and 15 % for testing. Gradient descent learns from the training rows only; the dev loss next to it is what you compare when you choose a learning rate or the number of hidden units. The test rows stay sealed until the very end, for one honest score.</source>
        <translation>Die Zeilen werden zufällig aufgeteilt: 70 % für das Training, 15 % für die Entwicklung und 15 % für den Test. Der Gradientenabstieg lernt nur aus den Trainingszeilen; den Entwicklungsverlust daneben vergleichen Sie, wenn Sie eine Lernrate oder die Zahl der verborgenen Neuronen wählen. Die Testzeilen bleiben bis ganz zum Schluss verschlossen, für eine ehrliche Bewertung.</translation>
    </message>
    <message>
        <source>Train until the dev loss stops improving, then choose “Evaluate on test set” once.</source>
        <translation>Trainieren Sie, bis sich der Entwicklungsverlust nicht mehr verbessert, und wählen Sie dann einmal „Auf Testdaten auswerten“.</translation>
    </message>
</context>
<context>
    <name>ExamplesModel</name>
    <message>
        <source>Set</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Loss (%1)</source>
        <translation>Verlust (%1)</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <source>Misclassified</source>
        <translation>Falsch klassifiziert</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Zielwert</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <source>Target %1</source>
        <translation>Zielwert %1</translation>
    </message>
    <message>
        <source>Output %1</source>
        <translation>Ausgabe %1</translation>
    </message>
    <message>
        <source>Training rows teach the network; development rows choose the model; test rows are for the final evaluation only</source>
        <translation>Mit den Trainingszeilen lernt das Netz, mit den Entwicklungszeilen wird das Modell ausgewählt, die Testzeilen dienen nur der abschließenden Auswertung</translation>
    </message>
    <message>
        <source>The row&apos;s number within its set</source>
        <translation>Die Nummer der Zeile innerhalb ihrer Menge</translation>
    </message>
    <message>
        <source>The input as in the data (the network sees it standardised with the training mean and spread)</source>
        <translation>Die Eingabe wie in den Daten (das Netz sieht sie standardisiert mit Mittelwert und Streuung der Trainingsdaten)</translation>
    </message>
    <message>
        <source>The true value the network should output</source>
        <translation>Der wahre Wert, den das Netz ausgeben soll</translation>
    </message>
    <message>
        <source>The predicted class, with the probability the network gives it</source>
        <translation>Die vorhergesagte Klasse mit der Wahrscheinlichkeit, die das Netz ihr gibt</translation>
    </message>
    <message>
        <source>The network&apos;s output for this row</source>
        <translation>Die Ausgabe des Netzes für diese Zeile</translation>
    </message>
    <message>
        <source>This row&apos;s loss: the mean over the rows of a set is that set&apos;s loss</source>
        <translation>Der Verlust dieser Zeile: Der Mittelwert über die Zeilen einer Menge ist der Verlust dieser Menge</translation>
    </message>
    <message>
        <source>The network&apos;s most probable class is not the target</source>
        <translation>Die wahrscheinlichste Klasse des Netzes ist nicht die Zielklasse</translation>
    </message>
    <message>
        <source>Click to sort.</source>
        <translation>Zum Sortieren klicken.</translation>
    </message>
    <message>
        <source>train</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>dev</source>
        <translation>Entwicklung</translation>
    </message>
    <message>
        <source>test</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Hidden until the test set is evaluated (Train → Evaluate on test set)</source>
        <translation>Verborgen, bis die Testdaten ausgewertet sind (Training → Auf Testdaten auswerten)</translation>
    </message>
    <message>
        <source>The network sees %1 (standardised)</source>
        <translation>Das Netz sieht %1 (standardisiert)</translation>
    </message>
    <message>
        <source>Probabilities: %1</source>
        <translation>Wahrscheinlichkeiten: %1</translation>
    </message>
    <message>
        <source>Predicted %1, but the target is %2</source>
        <translation>Vorhergesagt: %1, die Zielklasse ist aber %2</translation>
    </message>
    <message>
        <source>A training row: click it to follow it in the step explainer</source>
        <translation>Eine Trainingszeile: anklicken, um sie im Schritt-Erklärer zu verfolgen</translation>
    </message>
    <message>
        <source>A development row: used to choose the model, never to train it</source>
        <translation>Eine Entwicklungszeile: dient der Wahl des Modells, nie dem Training</translation>
    </message>
    <message>
        <source>A test row: for the final evaluation only</source>
        <translation>Eine Testzeile: nur für die abschließende Auswertung</translation>
    </message>
</context>
<context>
    <name>ExamplesTable</name>
    <message>
        <source>The mean of a set&apos;s row losses is that set&apos;s loss, as in the status bar</source>
        <translation>Der Mittelwert der Zeilenverluste einer Menge ist der Verlust dieser Menge, wie in der Statusleiste</translation>
    </message>
    <message>
        <source>Every row of the data: click a column title to sort by it (the loss, to find the rows the network gets most wrong); click a training row to follow it in the step explainer</source>
        <translation>Jede Zeile der Daten: Einen Spaltentitel anklicken, um danach zu sortieren (nach dem Verlust, um die Zeilen zu finden, bei denen das Netz am meisten danebenliegt); eine Trainingszeile anklicken, um sie im Schritt-Erklärer zu verfolgen</translation>
    </message>
    <message>
        <source>The rows appear here once the network has been computed on them.</source>
        <translation>Die Zeilen erscheinen hier, sobald das Netz für sie berechnet wurde.</translation>
    </message>
    <message>
        <source>Epoch %1</source>
        <translation>Epoche %1</translation>
    </message>
    <message>
        <source>training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>development</source>
        <translation>Entwicklung</translation>
    </message>
    <message>
        <source>test</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>%1: %2 rows, sealed until the final evaluation</source>
        <translation>%1: %2 Zeilen, verschlossen bis zur abschließenden Auswertung</translation>
    </message>
    <message>
        <source>%1: %2 of %3 misclassified, mean loss %4</source>
        <translation>%1: %2 von %3 falsch klassifiziert, mittlerer Verlust %4</translation>
    </message>
    <message>
        <source>%1: %2 rows, mean loss %3</source>
        <translation>%1: %2 Zeilen, mittlerer Verlust %3</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <source>nnsim</source>
        <translation>nnsim</translation>
    </message>
    <message>
        <source>Import CSV</source>
        <translation>CSV importieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.tsv *.txt);;All files (*)</source>
        <translation>CSV-Dateien (*.csv *.tsv *.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>%1 wird geladen…</translation>
    </message>
    <message>
        <source>Loss over epochs</source>
        <translation>Verlust über die Epochen</translation>
    </message>
    <message>
        <source>Loss landscape</source>
        <translation>Verlustlandschaft</translation>
    </message>
    <message>
        <source>Export plot</source>
        <translation>Diagramm exportieren</translation>
    </message>
    <message>
        <source>Plot:</source>
        <translation>Diagramm:</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG image (*.svg)</source>
        <translation>PNG-Bild (*.png);;SVG-Bild (*.svg)</translation>
    </message>
    <message>
        <source>Export weights</source>
        <translation>Gewichte exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation>%1 konnte nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
</context>
<context>
    <name>Form</name>
    <message>
        <source>Manual</source>
        <translation>Manuell</translation>
    </message>
    <message>
        <source>Auto</source>
        <translation>Auto</translation>
    </message>
    <message>
        <source>Link Axis:</source>
        <translation>Achse koppeln:</translation>
    </message>
    <message>
        <source>Invert Axis</source>
        <translation>Achse umkehren</translation>
    </message>
    <message>
        <source>Visible Data Only</source>
        <translation>Nur sichtbare Daten</translation>
    </message>
    <message>
        <source>Auto Pan Only</source>
        <translation>Nur automatisch verschieben</translation>
    </message>
    <message>
        <source>Mouse Enabled</source>
        <translation>Maus aktiv</translation>
    </message>
    <message>
        <source>Log X</source>
        <translation>X logarithmisch</translation>
    </message>
    <message>
        <source>Log Y</source>
        <translation>Y logarithmisch</translation>
    </message>
    <message>
        <source>Power Spectrum (FFT)</source>
        <translation>Leistungsspektrum (FFT)</translation>
    </message>
    <message>
        <source>dy/dx</source>
        <translation>dy/dx</translation>
    </message>
    <message>
        <source>Subtract Mean</source>
        <translation>Mittelwert abziehen</translation>
    </message>
    <message>
        <source>Clip to View</source>
        <translation>Auf Ansicht beschneiden</translation>
    </message>
    <message>
        <source>Max Traces:</source>
        <translation>Höchstens Kurven:</translation>
    </message>
    <message>
        <source>Forget hidden traces</source>
        <translation>Verborgene Kurven vergessen</translation>
    </message>
    <message>
        <source>Downsample</source>
        <translation>Ausdünnen</translation>
    </message>
    <message>
        <source>Subsample</source>
        <translation>Stichprobe</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>Mittelwert</translation>
    </message>
    <message>
        <source>Peak</source>
        <translation>Spitzenwert</translation>
    </message>
    <message>
        <source>Average</source>
        <translation>Mitteln</translation>
    </message>
    <message>
        <source>Show X Grid</source>
        <translation>X-Gitter zeigen</translation>
    </message>
    <message>
        <source>Show Y Grid</source>
        <translation>Y-Gitter zeigen</translation>
    </message>
    <message>
        <source>Opacity</source>
        <translation>Deckkraft</translation>
    </message>
    <message>
        <source>Alpha</source>
        <translation>Deckkraft</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Punkte</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Item to export:</source>
        <translation>Zu exportierendes Element:</translation>
    </message>
    <message>
        <source>Export format</source>
        <translation>Exportformat</translation>
    </message>
    <message>
        <source>Export options</source>
        <translation>Exportoptionen</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>Formulas</name>
    <message>
        <source>ReLU′(x) = 1 if x &gt; 0 else 0</source>
        <translation>ReLU′(x) = 1 für x &gt; 0, sonst 0</translation>
    </message>
    <message>
        <source>f(x) = x if x &gt; 0 else 0.01·x</source>
        <translation>f(x) = x für x &gt; 0, sonst 0,01·x</translation>
    </message>
    <message>
        <source>f′(x) = 1 if x &gt; 0 else 0.01</source>
        <translation>f′(x) = 1 für x &gt; 0, sonst 0,01</translation>
    </message>
    <message>
        <source>(0, 1), sums to 1</source>
        <translation>(0, 1), Summe 1</translation>
    </message>
    <message>
        <source>∂CE/∂z = 1/n (ŷ − y)  (with ŷ = σ(z))</source>
        <translation>∂CE/∂z = 1/n (ŷ − y)  (mit ŷ = σ(z))</translation>
    </message>
    <message>
        <source>∂CCE/∂zₖ = 1/N (ŷₖ − yₖ)  (with ŷ = softmax(z))</source>
        <translation>∂CCE/∂zₖ = 1/N (ŷₖ − yₖ)  (mit ŷ = softmax(z))</translation>
    </message>
</context>
<context>
    <name>GraphicsScene</name>
    <message>
        <source>Export...</source>
        <translation>Exportieren…</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <source>nnsim guide</source>
        <translation>nnsim-Anleitung</translation>
    </message>
    <message>
        <source>Activation functions</source>
        <translation>Aktivierungsfunktionen</translation>
    </message>
    <message>
        <source>Choose the hidden and output activation in the controls. The preview under them plots the function with the lecture&apos;s examples σ(0) = 0.5 and ReLU(2) = 2; View → Show activation derivative adds its slope.</source>
        <translation>Wählen Sie die Aktivierungsfunktionen der verborgenen Schicht und der Ausgabe in den Einstellungen. Die Vorschau darunter zeichnet die Funktion mit den Beispielen der Vorlesung σ(0) = 0,5 und ReLU(2) = 2; Ansicht → Ableitung der Aktivierung zeigen ergänzt ihre Steigung.</translation>
    </message>
    <message>
        <source>Loss functions</source>
        <translation>Verlustfunktionen</translation>
    </message>
    <message>
        <source>MSE and MAE for regression, cross-entropy and categorical cross-entropy for classification, each with its formula. The status bar shows the loss score of the current forward pass. Losses that do not fit the data are greyed out, with the reason on hover.</source>
        <translation>MSE und MAE für Regression, Kreuzentropie und kategoriale Kreuzentropie für Klassifikation, jeweils mit ihrer Formel. Die Statusleiste zeigt den Verlust des aktuellen Vorwärtsdurchlaufs. Verlustfunktionen, die nicht zu den Daten passen, sind ausgegraut; der Grund erscheint, wenn die Maus darüber steht.</translation>
    </message>
    <message>
        <source>Gradient descent</source>
        <translation>Gradientenabstieg</translation>
    </message>
    <message>
        <source>The landscape is the lecture&apos;s figure for the real network: the training loss against one weight, the initial weight and loss, the gradient (slope), the step −η·slope to the new weight and loss, and the minimum. Click a connection to show it there. Step (F10) trains exactly one epoch. Tick “Train only the selected parameter” to walk exactly along the curve.</source>
        <translation>Die Verlustlandschaft ist die Abbildung aus der Vorlesung für das echte Netz: der Trainingsverlust in Abhängigkeit von einem Gewicht, Anfangsgewicht und -verlust, der Gradient (die Steigung), der Schritt −η·Steigung zum neuen Gewicht und Verlust und das Minimum. Klicken Sie auf eine Verbindung, um sie dort zu zeigen. „Schritt“ (F10) trainiert genau eine Epoche. Setzen Sie das Häkchen bei „Nur gewählten Parameter trainieren“, um genau entlang der Kurve zu gehen.</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <source>Change η while training. Too high overshoots and diverges (training pauses and says so; Reset recovers), too low crawls.</source>
        <translation>Ändern Sie η während des Trainings. Zu hoch schießt über das Ziel hinaus und divergiert (das Training hält an und meldet es; „Zurücksetzen“ stellt alles wieder her), zu niedrig kriecht.</translation>
    </message>
    <message>
        <source>The network</source>
        <translation>Das Netz</translation>
    </message>
    <message>
        <source>The lecture&apos;s graph: inputs I1–I3, hidden units H1–H3, outputs O1–O2, bias nodes B1 and B2, weights w11…w33 and v11…v32, biases b1…b5, each with its value. Double-click a value to type a new one; − and + change the hidden units.</source>
        <translation>Der Graph aus der Vorlesung: Eingaben I1–I3, verborgene Neuronen H1–H3, Ausgaben O1–O2, Bias-Knoten B1 und B2, Gewichte w11…w33 und v11…v32, Bias-Werte b1…b5, jeweils mit ihrem Wert. Doppelklicken Sie auf einen Wert, um einen neuen einzugeben; − und + ändern die Zahl der verborgenen Neuronen.</translation>
    </message>
    <message>
        <source>Training, development and test sets</source>
        <translation>Trainings-, Entwicklungs- und Testdaten</translation>
    </message>
    <message>
        <source>Train % and Dev % split the data; the test set gets the rest. The loss plot shows training and development loss; the test set stays sealed until Evaluate on test set, the final evaluation.</source>
        <translation>„Training %“ und „Entwicklung %“ teilen die Daten auf; die Testdaten bekommen den Rest. Das Verlustdiagramm zeigt Trainings- und Entwicklungsverlust; die Testdaten bleiben verschlossen bis „Auf Testdaten auswerten“, die abschließende Auswertung.</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>Leertaste</translation>
    </message>
    <message>
        <source>train / pause</source>
        <translation>trainieren / anhalten</translation>
    </message>
    <message>
        <source>step one epoch</source>
        <translation>eine Epoche weiter</translation>
    </message>
    <message>
        <source>reset</source>
        <translation>zurücksetzen</translation>
    </message>
    <message>
        <source>evaluate on the test set</source>
        <translation>auf den Testdaten auswerten</translation>
    </message>
    <message>
        <source>undo</source>
        <translation>rückgängig</translation>
    </message>
    <message>
        <source>redo</source>
        <translation>wiederholen</translation>
    </message>
    <message>
        <source>presenter mode (Esc leaves)</source>
        <translation>Präsentationsmodus (Esc beendet ihn)</translation>
    </message>
    <message>
        <source>zoom in / out / normal size</source>
        <translation>vergrößern / verkleinern / Normalgröße</translation>
    </message>
    <message>
        <source>open a lesson file</source>
        <translation>eine Lektionsdatei öffnen</translation>
    </message>
    <message>
        <source>save the session</source>
        <translation>die Sitzung speichern</translation>
    </message>
    <message>
        <source>import a CSV file</source>
        <translation>eine CSV-Datei importieren</translation>
    </message>
    <message>
        <source>export a plot</source>
        <translation>ein Diagramm exportieren</translation>
    </message>
    <message>
        <source>log-scale loss</source>
        <translation>Verlust logarithmisch</translation>
    </message>
    <message>
        <source>this guide</source>
        <translation>diese Anleitung</translation>
    </message>
    <message>
        <source>A tour along the lecture</source>
        <translation>Ein Rundgang entlang der Vorlesung</translation>
    </message>
    <message>
        <source>Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
</context>
<context>
    <name>HiddenUnitButtons</name>
    <message>
        <source>Remove a hidden unit</source>
        <translation>Ein verborgenes Neuron entfernen</translation>
    </message>
    <message>
        <source>Add a hidden unit (at most 9)</source>
        <translation>Ein verborgenes Neuron hinzufügen (höchstens 9)</translation>
    </message>
</context>
<context>
    <name>LabNotebook</name>
    <message>
        <source>nnsim lab notebook</source>
        <translation>nnsim-Laborprotokoll</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>nnsim version</source>
        <translation>nnsim-Version</translation>
    </message>
    <message>
        <source>Data and split</source>
        <translation>Daten und Aufteilung</translation>
    </message>
    <message>
        <source>built-in, generated from its recipe</source>
        <translation>eingebaut, aus seinem Rezept erzeugt</translation>
    </message>
    <message>
        <source>imported rows (stored in %1)</source>
        <translation>importierte Zeilen (gespeichert in %1)</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <source>classification</source>
        <translation>Klassifikation</translation>
    </message>
    <message>
        <source>regression</source>
        <translation>Regression</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <source>Inputs</source>
        <translation>Eingaben</translation>
    </message>
    <message>
        <source>Outputs</source>
        <translation>Ausgaben</translation>
    </message>
    <message>
        <source>Recipe</source>
        <translation>Rezept</translation>
    </message>
    <message>
        <source>rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <source>Split (train / dev / test)</source>
        <translation>Aufteilung (Training / Entwicklung / Test)</translation>
    </message>
    <message>
        <source>Network and training</source>
        <translation>Netz und Training</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Netz</translation>
    </message>
    <message>
        <source>Activations (hidden, output)</source>
        <translation>Aktivierungsfunktionen (verborgen, Ausgabe)</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <source>Learning rate η</source>
        <translation>Lernrate η</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>Batchgröße</translation>
    </message>
    <message>
        <source>full batch</source>
        <translation>voller Batch</translation>
    </message>
    <message>
        <source>Weight seed</source>
        <translation>Startwert Gewichte</translation>
    </message>
    <message>
        <source>Early stopping (patience)</source>
        <translation>Frühes Stoppen (Geduld)</translation>
    </message>
    <message>
        <source>Result of the run</source>
        <translation>Ergebnis des Laufs</translation>
    </message>
    <message>
        <source>Epochs trained</source>
        <translation>Trainierte Epochen</translation>
    </message>
    <message>
        <source>Training loss</source>
        <translation>Trainingsverlust</translation>
    </message>
    <message>
        <source>Dev loss</source>
        <translation>Entwicklungsverlust</translation>
    </message>
    <message>
        <source>Training accuracy</source>
        <translation>Trainingsgenauigkeit</translation>
    </message>
    <message>
        <source>Dev accuracy</source>
        <translation>Entwicklungsgenauigkeit</translation>
    </message>
    <message>
        <source>Lowest dev loss</source>
        <translation>Niedrigster Entwicklungsverlust</translation>
    </message>
    <message>
        <source>%1 at epoch %2</source>
        <translation>%1 in Epoche %2</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>not evaluated (the test set is still unseen)</source>
        <translation>nicht ausgewertet (die Testdaten sind noch ungesehen)</translation>
    </message>
    <message>
        <source>loss %1 at epoch %2</source>
        <translation>Verlust %1 in Epoche %2</translation>
    </message>
    <message>
        <source>accuracy %1</source>
        <translation>Genauigkeit %1</translation>
    </message>
    <message>
        <source>looked at %1 times</source>
        <translation>%1-mal angesehen</translation>
    </message>
    <message>
        <source>Test set</source>
        <translation>Testdaten</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Dateien</translation>
    </message>
    <message>
        <source>loss and accuracy per epoch</source>
        <translation>Verlust und Genauigkeit je Epoche</translation>
    </message>
    <message>
        <source>every weight and bias with its gradient</source>
        <translation>alle Gewichte und Bias-Werte mit ihrem Gradienten</translation>
    </message>
    <message>
        <source>the whole session: open it in nnsim (File → Open) to reproduce this run</source>
        <translation>die ganze Sitzung: in nnsim öffnen (Datei → Öffnen), um diesen Lauf nachzuvollziehen</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>Abbildungen</translation>
    </message>
    <message>
        <source>All settings</source>
        <translation>Alle Einstellungen</translation>
    </message>
</context>
<context>
    <name>LandscapeControls</name>
    <message>
        <source>The weight whose loss curve is shown</source>
        <translation>Das Gewicht, dessen Verlustkurve gezeigt wird</translation>
    </message>
    <message>
        <source>Lowest weight shown</source>
        <translation>Kleinstes gezeigtes Gewicht</translation>
    </message>
    <message>
        <source>Highest weight shown</source>
        <translation>Größtes gezeigtes Gewicht</translation>
    </message>
    <message>
        <source>Auto</source>
        <translation>Auto</translation>
    </message>
    <message>
        <source>Choose the range around the current weight, the step and the minimum automatically</source>
        <translation>Den Bereich um das aktuelle Gewicht, den Schritt und das Minimum automatisch wählen</translation>
    </message>
    <message>
        <source>The range must go from low to high: the first number below the second.</source>
        <translation>Der Bereich muss von klein nach groß gehen: die erste Zahl kleiner als die zweite.</translation>
    </message>
    <message>
        <source>Parameter</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>Range</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <source>The weights shown, from low to high</source>
        <translation>Die gezeigten Gewichte, von klein nach groß</translation>
    </message>
</context>
<context>
    <name>LandscapePanel</name>
    <message>
        <source>Initial weight + loss: where the run started</source>
        <translation>Anfangsgewicht + Verlust: wo der Lauf begann</translation>
    </message>
    <message>
        <source>Current weight + loss</source>
        <translation>Aktuelles Gewicht + Verlust</translation>
    </message>
    <message>
        <source>New weight + loss, after one step</source>
        <translation>Neues Gewicht + Verlust nach einem Schritt</translation>
    </message>
    <message>
        <source>Theoretical minimum of this curve</source>
        <translation>Theoretisches Minimum dieser Kurve</translation>
    </message>
    <message>
        <source>Gradient (slope) of the loss at the current weight</source>
        <translation>Gradient (Steigung) des Verlusts beim aktuellen Gewicht</translation>
    </message>
    <message>
        <source>The step: −η·slope, against the gradient</source>
        <translation>Der Schritt: −η·Steigung, gegen den Gradienten</translation>
    </message>
    <message>
        <source>The weight and loss after each epoch so far</source>
        <translation>Gewicht und Verlust nach jeder bisherigen Epoche</translation>
    </message>
    <message>
        <source>Bias %1</source>
        <translation>Bias %1</translation>
    </message>
    <message>
        <source>Weight %1</source>
        <translation>Gewicht %1</translation>
    </message>
    <message>
        <source>Training loss against %1 (all other weights fixed)</source>
        <translation>Trainingsverlust über %1 (alle anderen Gewichte fest)</translation>
    </message>
    <message>
        <source>Loss (%1)</source>
        <translation>Verlust (%1)</translation>
    </message>
    <message>
        <source>%1 (all other weights fixed)</source>
        <translation>%1 (alle anderen Gewichte fest)</translation>
    </message>
    <message>
        <source>%1 (others fixed)</source>
        <translation>%1 (andere fest)</translation>
    </message>
    <message>
        <source>Training loss (%1)</source>
        <translation>Trainingsverlust (%1)</translation>
    </message>
    <message>
        <source>Loss against %1 (others fixed)</source>
        <translation>Verlust über %1 (andere fest)</translation>
    </message>
    <message>
        <source>Initial weight + loss</source>
        <translation>Anfangsgewicht + Verlust</translation>
    </message>
    <message>
        <source>initial</source>
        <translation>Anfang</translation>
    </message>
    <message>
        <source>current</source>
        <translation>aktuell</translation>
    </message>
    <message>
        <source>New weight + loss</source>
        <translation>Neues Gewicht + Verlust</translation>
    </message>
    <message>
        <source>new</source>
        <translation>neu</translation>
    </message>
    <message>
        <source>Theoretical minimum</source>
        <translation>Theoretisches Minimum</translation>
    </message>
    <message>
        <source>minimum</source>
        <translation>Minimum</translation>
    </message>
    <message>
        <source>Lowest point in view</source>
        <translation>Tiefster sichtbarer Punkt</translation>
    </message>
    <message>
        <source>lowest in view</source>
        <translation>tiefster sichtbarer Punkt</translation>
    </message>
    <message>
        <source>Gradient (slope) = %1</source>
        <translation>Gradient (Steigung) = %1</translation>
    </message>
    <message>
        <source>slope %1</source>
        <translation>Steigung %1</translation>
    </message>
    <message>
        <source>step −η·slope = %1</source>
        <translation>Schritt −η·Steigung = %1</translation>
    </message>
    <message>
        <source>← lower to the left: %1 at %2</source>
        <translation>← links tiefer: %1 bei %2</translation>
    </message>
    <message>
        <source>lower to the right →: %1 at %2</source>
        <translation>rechts tiefer →: %1 bei %2</translation>
    </message>
    <message>
        <source>computed on %1 of %2 training rows</source>
        <translation>berechnet auf %1 von %2 Trainingszeilen</translation>
    </message>
    <message>
        <source>%1 initial</source>
        <translation>%1 Anfang</translation>
    </message>
    <message>
        <source>Initial weight %1, loss %2</source>
        <translation>Anfangsgewicht %1, Verlust %2</translation>
    </message>
    <message>
        <source>path of the run</source>
        <translation>Weg des Laufs</translation>
    </message>
    <message>
        <source>The curve changes as the other weights change too; tick “Train only the selected parameter” to keep it still.</source>
        <translation>Die Kurve verändert sich, weil sich auch die anderen Gewichte ändern; setzen Sie das Häkchen bei „Nur gewählten Parameter trainieren“, damit sie stillhält.</translation>
    </message>
    <message>
        <source>The curve moves: the other weights train too.</source>
        <translation>Die Kurve bewegt sich: Die anderen Gewichte werden mittrainiert.</translation>
    </message>
    <message>
        <source>Mini-batches: each epoch makes several smaller steps; shown is one full-batch step.</source>
        <translation>Mini-Batches: Jede Epoche macht mehrere kleinere Schritte; gezeigt ist ein Schritt über alle Zeilen.</translation>
    </message>
    <message>
        <source>Mini-batches: shown is one full-batch step.</source>
        <translation>Mini-Batches: gezeigt ist ein Schritt über alle Zeilen.</translation>
    </message>
    <message>
        <source>Compared runs:</source>
        <translation>Verglichene Läufe:</translation>
    </message>
    <message>
        <source>Each dot: the selected weight and the training loss after one epoch of that run, from the same initial weights; the large dot is where it ended. Only this weight trained, so the paths lie on this curve.</source>
        <translation>Jeder Punkt: das ausgewählte Gewicht und der Trainingsverlust nach einer Epoche dieses Laufs, ab denselben Anfangsgewichten; der große Punkt ist sein Ende. Nur dieses Gewicht wurde trainiert, die Wege liegen deshalb auf dieser Kurve.</translation>
    </message>
    <message>
        <source>Each dot: the selected weight and the training loss after one epoch of that run, from the same initial weights; the large dot is where it ended. The curve holds every other weight at today&apos;s values, but in those runs they trained too: their points show the loss each run really had, so they lie off this curve.</source>
        <translation>Jeder Punkt: das ausgewählte Gewicht und der Trainingsverlust nach einer Epoche dieses Laufs, ab denselben Anfangsgewichten; der große Punkt ist sein Ende. Die Kurve hält alle anderen Gewichte auf ihren jetzigen Werten, in jenen Läufen wurden sie aber mittrainiert: Ihre Punkte zeigen den Verlust, den jeder Lauf tatsächlich hatte, und liegen deshalb neben dieser Kurve.</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>Show nnsim in English</source>
        <translation>nnsim auf Englisch anzeigen</translation>
    </message>
    <message>
        <source>Show nnsim in German</source>
        <translation>nnsim auf Deutsch anzeigen</translation>
    </message>
    <message>
        <source>The training thread did not respond; the language was not changed.</source>
        <translation>Der Trainings-Thread hat nicht geantwortet; die Sprache wurde nicht gewechselt.</translation>
    </message>
</context>
<context>
    <name>LectureActions</name>
    <message>
        <source>Look at the test set again?</source>
        <translation>Die Testdaten noch einmal ansehen?</translation>
    </message>
    <message>
        <source>The test set was already used to evaluate this run at epoch %1. Evaluating again after training further or changing settings lets the test set help choose the model, and then it is no longer unseen data: it has become a second development set. The lecture&apos;s advice: choose on the development set, and test once at the end.

Evaluate on the test set anyway?</source>
        <translation>Die Testdaten wurden bereits verwendet, um diesen Lauf in Epoche %1 auszuwerten. Wer nach weiterem Training oder geänderten Einstellungen erneut auswertet, lässt die Testdaten bei der Wahl des Modells mitentscheiden – dann sind sie keine ungesehenen Daten mehr, sondern eine zweite Entwicklungsmenge. Der Rat der Vorlesung: auf den Entwicklungsdaten auswählen und ganz am Ende einmal testen.

Trotzdem auf den Testdaten auswerten?</translation>
    </message>
    <message>
        <source>Chose %1 hidden units and η = %2 on the development set, trained to epoch %3, its lowest dev loss.</source>
        <translation>Auf den Entwicklungsdaten gewählt: %1 verborgene Neuronen und η = %2, trainiert bis Epoche %3, dem niedrigsten Entwicklungsverlust.</translation>
    </message>
    <message>
        <source>About nnsim</source>
        <translation>Über nnsim</translation>
    </message>
    <message>
        <source>&lt;h3&gt;nnsim %1&lt;/h3&gt;&lt;p&gt;A neural-network simulator for the lecture “Basics of Neural Networks”.&lt;/p&gt;&lt;p&gt;Qt %2 · PySide6 · NumPy %3&lt;/p&gt;</source>
        <translation>&lt;h3&gt;nnsim %1&lt;/h3&gt;&lt;p&gt;Ein Simulator für neuronale Netze zur Vorlesung „Basics of Neural Networks“ (Grundlagen neuronaler Netze).&lt;/p&gt;&lt;p&gt;Qt %2 · PySide6 · NumPy %3&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>LectureMenu</name>
    <message>
        <source>&amp;Lecture</source>
        <translation>&amp;Vorlesung</translation>
    </message>
</context>
<context>
    <name>LessonActions</name>
    <message>
        <source>Note for this lesson</source>
        <translation>Hinweis zu dieser Lektion</translation>
    </message>
    <message>
        <source>Lesson &amp;note and hidden controls…</source>
        <translation>Lektions&amp;hinweis und ausgeblendete Einstellungen…</translation>
    </message>
    <message>
        <source>For lecturers: a note students see when they open the file, and controls to hide from them</source>
        <translation>Für Lehrende: ein Hinweis, den Studierende beim Öffnen der Datei sehen, und Einstellungen, die vor ihnen ausgeblendet werden</translation>
    </message>
    <message>
        <source>this session</source>
        <translation>diese Sitzung</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>Save the changes to %1 before going on?</source>
        <translation>Die Änderungen an %1 speichern, bevor es weitergeht?</translation>
    </message>
    <message>
        <source>Open lesson file</source>
        <translation>Lektionsdatei öffnen</translation>
    </message>
    <message>
        <source>nnsim lesson files (*.nnsim);;All files (*)</source>
        <translation>nnsim-Lektionsdateien (*.nnsim);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Open lesson</source>
        <translation>Lektion öffnen</translation>
    </message>
    <message>
        <source>nnsim lesson files (*.nnsim)</source>
        <translation>nnsim-Lektionsdateien (*.nnsim)</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>%1 geöffnet</translation>
    </message>
    <message>
        <source>Save lesson file</source>
        <translation>Lektionsdatei speichern</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <source>The training thread did not respond; nothing was changed.</source>
        <translation>Der Trainings-Thread hat nicht geantwortet; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>%1%2 — nnsim</source>
        <translation>%1%2 — nnsim</translation>
    </message>
    <message>
        <source>nnsim — Basics of Neural Networks</source>
        <translation>nnsim — Grundlagen neuronaler Netze</translation>
    </message>
    <message>
        <source>%1 no longer exists; it was removed from the recent files.</source>
        <translation>%1 existiert nicht mehr und wurde aus der Liste der zuletzt geöffneten Dateien entfernt.</translation>
    </message>
    <message>
        <source>Other lesson file…</source>
        <translation>Andere Lektionsdatei…</translation>
    </message>
</context>
<context>
    <name>LessonDialog</name>
    <message>
        <source>Dataset</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <source>Import… (own data)</source>
        <translation>Importieren… (eigene Daten)</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>Beispiele</translation>
    </message>
    <message>
        <source>Noise</source>
        <translation>Rauschen</translation>
    </message>
    <message>
        <source>Train %</source>
        <translation>Training %</translation>
    </message>
    <message>
        <source>Dev %</source>
        <translation>Entwicklung %</translation>
    </message>
    <message>
        <source>Split seed</source>
        <translation>Startwert</translation>
    </message>
    <message>
        <source>Hidden units</source>
        <translation>Verborgene Neuronen</translation>
    </message>
    <message>
        <source>Weight seed</source>
        <translation>Startwert Gewichte</translation>
    </message>
    <message>
        <source>Hidden activation</source>
        <translation>Verborgene Aktivierung</translation>
    </message>
    <message>
        <source>Output activation</source>
        <translation>Ausgabeaktivierung</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <source>Learning rate η</source>
        <translation>Lernrate η</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>Batchgröße</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Tempo</translation>
    </message>
    <message>
        <source>Train only the selected parameter</source>
        <translation>Nur gewählten Parameter trainieren</translation>
    </message>
    <message>
        <source>Early stopping</source>
        <translation>Frühes Stoppen</translation>
    </message>
    <message>
        <source>Lesson note and hidden controls</source>
        <translation>Lektionshinweis und ausgeblendete Einstellungen</translation>
    </message>
    <message>
        <source>What students should look at or try; shown above the network when the file opens. A short first paragraph becomes its title.</source>
        <translation>Was sich Studierende ansehen oder ausprobieren sollen; erscheint über dem Netz, wenn die Datei geöffnet wird. Ein kurzer erster Absatz wird zur Überschrift.</translation>
    </message>
    <message>
        <source>Ticked controls are hidden when students open the file</source>
        <translation>Angehakte Einstellungen werden ausgeblendet, wenn Studierende die Datei öffnen</translation>
    </message>
    <message>
        <source>Note to students:</source>
        <translation>Hinweis für Studierende:</translation>
    </message>
    <message>
        <source>Hide these controls:</source>
        <translation>Diese Einstellungen ausblenden:</translation>
    </message>
    <message>
        <source>Saved with the lesson file (File → Save).</source>
        <translation>Wird mit der Lektionsdatei gespeichert (Datei → Speichern).</translation>
    </message>
</context>
<context>
    <name>LessonFileError</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>%1 is %2; a lesson file may hold at most %3.</source>
        <translation>%1 ist %2 groß; eine Lektionsdatei darf höchstens %3 groß sein.</translation>
    </message>
    <message>
        <source>%1 is not a lesson file: it is truncated or corrupt (line %2, column %3).</source>
        <translation>%1 ist keine Lektionsdatei: sie ist abgeschnitten oder beschädigt (Zeile %2, Spalte %3).</translation>
    </message>
    <message>
        <source>%1 is not an nnsim lesson file (it has no format_version).</source>
        <translation>%1 ist keine nnsim-Lektionsdatei (sie hat keine format_version).</translation>
    </message>
    <message>
        <source>%1 was written by a newer nnsim (format %2); this nnsim reads format %3 and older. Update nnsim to open it.</source>
        <translation>%1 wurde von einem neueren nnsim geschrieben (Format %2); dieses nnsim liest Format %3 und ältere. Aktualisieren Sie nnsim, um die Datei zu öffnen.</translation>
    </message>
    <message>
        <source>%1 has an invalid format_version %2.</source>
        <translation>%1 hat eine ungültige format_version %2.</translation>
    </message>
    <message>
        <source>%1: the entry %2 is missing.</source>
        <translation>%1: Der Eintrag %2 fehlt.</translation>
    </message>
    <message>
        <source>%1: the entry %2 should be %3.</source>
        <translation>%1: Der Eintrag %2 sollte %3 sein.</translation>
    </message>
    <message>
        <source>%1: unknown entry %2.</source>
        <translation>%1: unbekannter Eintrag %2.</translation>
    </message>
    <message>
        <source>%1: the data has %2 rows; at most %3 are allowed.</source>
        <translation>%1: Die Daten haben %2 Zeilen; höchstens %3 sind erlaubt.</translation>
    </message>
    <message>
        <source>%1: the entry %2 holds %3 values; at most %4 are allowed.</source>
        <translation>%1: Der Eintrag %2 enthält %3 Werte; höchstens %4 sind erlaubt.</translation>
    </message>
    <message>
        <source>%1: the entry %2 holds a value that is not a finite number.</source>
        <translation>%1: Der Eintrag %2 enthält einen Wert, der keine endliche Zahl ist.</translation>
    </message>
    <message>
        <source>%1: the entry %2 is invalid: %3.</source>
        <translation>%1: Der Eintrag %2 ist ungültig: %3.</translation>
    </message>
    <message>
        <source>%1: the entry %2 does not fit the rest of the file: %3.</source>
        <translation>%1: Der Eintrag %2 passt nicht zum Rest der Datei: %3.</translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation>eine ganze Zahl</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true oder false</translation>
    </message>
    <message>
        <source>text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>a list of numbers</source>
        <translation>eine Liste von Zahlen</translation>
    </message>
    <message>
        <source>a list of names</source>
        <translation>eine Liste von Namen</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>eine Zahl</translation>
    </message>
    <message>
        <source>a list of rows</source>
        <translation>eine Liste von Zeilen</translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation>keine gewöhnliche Datei</translation>
    </message>
    <message>
        <source>not UTF-8 text</source>
        <translation>kein UTF-8-Text</translation>
    </message>
    <message>
        <source>built-in data is saved as its recipe</source>
        <translation>eingebaute Daten werden als ihr Rezept gespeichert</translation>
    </message>
    <message>
        <source>nnsim would choose differently for these data</source>
        <translation>nnsim würde für diese Daten anders wählen</translation>
    </message>
    <message>
        <source>an accuracy lies between 0 and 1</source>
        <translation>eine Genauigkeit liegt zwischen 0 und 1</translation>
    </message>
    <message>
        <source>other parameter names</source>
        <translation>andere Parameternamen</translation>
    </message>
    <message>
        <source>epochs must rise</source>
        <translation>die Epochen müssen ansteigen</translation>
    </message>
    <message>
        <source>%1 is out of range</source>
        <translation>%1 liegt außerhalb des erlaubten Bereichs</translation>
    </message>
    <message>
        <source>longer than %1 characters</source>
        <translation>länger als %1 Zeichen</translation>
    </message>
    <message>
        <source>%1 values, %2 expected</source>
        <translation>%1 Werte, erwartet: %2</translation>
    </message>
    <message>
        <source>each row needs 1 to %1 numbers</source>
        <translation>jede Zeile braucht 1 bis %1 Zahlen</translation>
    </message>
    <message>
        <source>expected %1</source>
        <translation>erwartet: %1</translation>
    </message>
    <message>
        <source>the settings and data make a %1 network</source>
        <translation>Einstellungen und Daten ergeben ein %1-Netz</translation>
    </message>
    <message>
        <source>unknown dataset %1</source>
        <translation>unbekannter Datensatz %1</translation>
    </message>
    <message>
        <source>%1 is not a control name</source>
        <translation>%1 ist kein Name einer Einstellung</translation>
    </message>
</context>
<context>
    <name>LossError</name>
    <message>
        <source>%1 is a loss for classification, but this data is a regression task: use MSE or MAE</source>
        <translation>%1 ist eine Verlustfunktion für Klassifikation, diese Daten sind aber eine Regressionsaufgabe: Verwenden Sie MSE oder MAE</translation>
    </message>
    <message>
        <source>%1 needs targets between 0 and 1: use MSE or MAE, or categorical cross-entropy for class labels</source>
        <translation>%1 braucht Zielwerte zwischen 0 und 1: Verwenden Sie MSE oder MAE oder für Klassenbezeichnungen die kategoriale Kreuzentropie</translation>
    </message>
    <message>
        <source>%1 needs the %2 output activation (got %3)</source>
        <translation>%1 braucht die Ausgabeaktivierung %2 (eingestellt ist %3)</translation>
    </message>
</context>
<context>
    <name>LossPlot</name>
    <message>
        <source>Epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <source>training loss</source>
        <translation>Trainingsverlust</translation>
    </message>
    <message>
        <source>development loss</source>
        <translation>Entwicklungsverlust</translation>
    </message>
    <message>
        <source>Loss (%1)</source>
        <translation>Verlust (%1)</translation>
    </message>
    <message>
        <source>Training loss: what gradient descent lowers. Development loss: the same on data it never trains on.</source>
        <translation>Trainingsverlust: was der Gradientenabstieg senkt. Entwicklungsverlust: dasselbe auf Daten, mit denen nie trainiert wird.</translation>
    </message>
    <message>
        <source>Test loss %1 at epoch %2</source>
        <translation>Testverlust %1 in Epoche %2</translation>
    </message>
    <message>
        <source>lowest dev loss %1 (epoch %2)</source>
        <translation>niedrigster Entwicklungsverlust %1 (Epoche %2)</translation>
    </message>
    <message>
        <source>lowest dev loss %1</source>
        <translation>niedrigster Entwicklungsverlust %1</translation>
    </message>
    <message>
        <source>min dev %1</source>
        <translation>min. Entw. %1</translation>
    </message>
    <message>
        <source>%1
The epoch with the lowest development loss so far. If the development loss rises after it while the training loss still falls, the network is overfitting: these weights generalise best.</source>
        <translation>%1
Die Epoche mit dem bisher niedrigsten Entwicklungsverlust. Steigt der Entwicklungsverlust danach, während der Trainingsverlust noch fällt, passt sich das Netz zu stark an (Überanpassung): Diese Gewichte verallgemeinern am besten.</translation>
    </message>
    <message>
        <source>test loss</source>
        <translation>Testverlust</translation>
    </message>
    <message>
        <source>training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>dev</source>
        <translation>Entwicklung</translation>
    </message>
    <message>
        <source>Blue and orange: the current run. Each other colour: a pinned run, named by what it did differently; its training loss solid, its development loss dashed.</source>
        <translation>Blau und Orange: der aktuelle Lauf. Jede andere Farbe: ein angehefteter Lauf, benannt nach dem, was er anders gemacht hat; sein Trainingsverlust durchgezogen, sein Entwicklungsverlust gestrichelt.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>nnsim — Basics of Neural Networks</source>
        <translation>nnsim — Grundlagen neuronaler Netze</translation>
    </message>
    <message>
        <source>Test set</source>
        <translation>Testdaten</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <source>Examples</source>
        <translation>Beispiele</translation>
    </message>
    <message>
        <source>Loading the data file…</source>
        <translation>Die Datendatei wird geladen…</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>Mini-batches of %1: one epoch now makes several smaller steps; the landscape still shows one full-batch step.</source>
        <translation>Mini-Batches mit %1 Zeilen: Eine Epoche macht jetzt mehrere kleinere Schritte; die Verlustlandschaft zeigt weiterhin einen Schritt über alle Zeilen.</translation>
    </message>
    <message>
        <source>Something went wrong inside nnsim, and training was paused: %1. The details are in the log; the session is still usable.</source>
        <translation>In nnsim ist etwas schiefgegangen, das Training wurde angehalten: %1. Die Einzelheiten stehen im Protokoll; die Sitzung ist weiter nutzbar.</translation>
    </message>
    <message>
        <source>A part of the window could not be updated (a bug in nnsim; the details are in the log). Training goes on.</source>
        <translation>Ein Teil des Fensters konnte nicht aktualisiert werden (ein Fehler in nnsim; die Einzelheiten stehen im Protokoll). Das Training läuft weiter.</translation>
    </message>
    <message>
        <source>Epoch %1</source>
        <translation>Epoche %1</translation>
    </message>
    <message>
        <source>train loss %1</source>
        <translation>Trainingsverlust %1</translation>
    </message>
    <message>
        <source>dev loss %1</source>
        <translation>Entwicklungsverlust %1</translation>
    </message>
    <message>
        <source>train acc. %1 %</source>
        <translation>Trainingsgenauigkeit %1 %</translation>
    </message>
    <message>
        <source>dev acc. %1 %</source>
        <translation>Entwicklungsgenauigkeit %1 %</translation>
    </message>
    <message>
        <source>test loss %1 (epoch %2)</source>
        <translation>Testverlust %1 (Epoche %2)</translation>
    </message>
    <message>
        <source>Stopped early: the dev loss has not improved for %1 epochs since epoch %2 (%3). Train → Restore best epoch goes back there.</source>
        <translation>Früh gestoppt: Der Entwicklungsverlust hat sich seit Epoche %2 (%3) %1 Epochen lang nicht verbessert. Training → Beste Epoche wiederherstellen kehrt dorthin zurück.</translation>
    </message>
    <message>
        <source>Test set (final evaluation): loss %1 at epoch %2.</source>
        <translation>Testdaten (abschließende Auswertung): Verlust %1 in Epoche %2.</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Anhalten</translation>
    </message>
    <message>
        <source>&amp;Train</source>
        <translation>&amp;Trainieren</translation>
    </message>
    <message>
        <source>The run has stopped: press Reset (with a smaller learning rate) to start again.</source>
        <translation>Der Lauf ist angehalten: Drücken Sie „Zurücksetzen“ (mit einer kleineren Lernrate), um neu zu beginnen.</translation>
    </message>
    <message>
        <source>Early stopping has paused this run: untick it to train on, or Train → Restore best epoch.</source>
        <translation>Frühes Stoppen hat diesen Lauf angehalten: Entfernen Sie das Häkchen, um weiterzutrainieren, oder wählen Sie Training → Beste Epoche wiederherstellen.</translation>
    </message>
    <message>
        <source>Step explainer</source>
        <translation>Schritt-Erklärer</translation>
    </message>
    <message>
        <source>Paused. Press Step again to walk through the next epoch.</source>
        <translation>Angehalten. Drücken Sie erneut „Schritt“, um die nächste Epoche durchzugehen.</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>%1 bytes</source>
        <translation>%1 Byte</translation>
    </message>
    <message>
        <source>%1 needs the %2 output activation: switched the output activation to %2.</source>
        <translation>%1 braucht die Ausgabeaktivierung %2: Die Ausgabeaktivierung wurde auf %2 umgestellt.</translation>
    </message>
    <message>
        <source>%1 needs the %2 output activation, so the loss is now %3.</source>
        <translation>%1 braucht die Ausgabeaktivierung %2, deshalb ist die Verlustfunktion jetzt %3.</translation>
    </message>
    <message>
        <source>Loaded %1: %2 rows.</source>
        <translation>%1 geladen: %2 Zeilen.</translation>
    </message>
    <message>
        <source>Compared the learning rates %1 over %2 epochs from the same initial weights.</source>
        <translation>Die Lernraten %1 wurden über %2 Epochen ab denselben Anfangsgewichten verglichen.</translation>
    </message>
    <message>
        <source>Diverged: %1.</source>
        <translation>Divergiert: %1.</translation>
    </message>
    <message>
        <source>This was refused: %1</source>
        <translation>Das wurde abgelehnt: %1</translation>
    </message>
    <message>
        <source>line %1</source>
        <translation>Zeile %1</translation>
    </message>
    <message>
        <source>column %1 “%2”</source>
        <translation>Spalte %1 „%2“</translation>
    </message>
    <message>
        <source>column %1</source>
        <translation>Spalte %1</translation>
    </message>
    <message>
        <source>the training loss became infinite or undefined</source>
        <translation>der Trainingsverlust wurde unendlich oder undefiniert</translation>
    </message>
    <message>
        <source>the weights became infinite or undefined</source>
        <translation>die Gewichte wurden unendlich oder undefiniert</translation>
    </message>
    <message>
        <source>the training loss stayed above %1 (ten times its start, %2) for %3 epochs in a row</source>
        <translation>der Trainingsverlust lag %3 Epochen in Folge über %1 (dem Zehnfachen seines Anfangswerts %2)</translation>
    </message>
    <message>
        <source>the training loss stayed above its start, %1, for %2 epochs in a row</source>
        <translation>der Trainingsverlust lag %2 Epochen in Folge über seinem Anfangswert %1</translation>
    </message>
    <message>
        <source>Training diverged at epoch %1: %2.</source>
        <translation>Das Training ist in Epoche %1 divergiert: %2.</translation>
    </message>
    <message>
        <source>Training is not converging at epoch %1: %2.</source>
        <translation>Das Training konvergiert in Epoche %1 nicht: %2.</translation>
    </message>
    <message>
        <source>The learning rate %1 is too high: try a smaller one (e.g. %2) and press Reset.</source>
        <translation>Die Lernrate %1 ist zu hoch: Versuchen Sie eine kleinere (z. B. %2) und drücken Sie „Zurücksetzen“.</translation>
    </message>
    <message>
        <source>learning rate %1</source>
        <translation>Lernrate %1</translation>
    </message>
    <message>
        <source>loss %1</source>
        <translation>Verlust %1</translation>
    </message>
    <message>
        <source>output activation %1</source>
        <translation>Ausgabeaktivierung %1</translation>
    </message>
    <message>
        <source>output activation %1 with loss %2</source>
        <translation>Ausgabeaktivierung %1 mit Verlustfunktion %2</translation>
    </message>
    <message>
        <source>hidden activation %1</source>
        <translation>verborgene Aktivierung %1</translation>
    </message>
    <message>
        <source>%1 hidden units</source>
        <translation>%1 verborgene Neuronen</translation>
    </message>
    <message>
        <source>full-batch training</source>
        <translation>Training mit vollem Batch</translation>
    </message>
    <message>
        <source>batch size %1</source>
        <translation>Batchgröße %1</translation>
    </message>
    <message>
        <source>split %1/%2/%3 %</source>
        <translation>Aufteilung %1/%2/%3 %</translation>
    </message>
    <message>
        <source>weight seed %1</source>
        <translation>Startwert der Gewichte %1</translation>
    </message>
    <message>
        <source>train only the selected parameter</source>
        <translation>nur den ausgewählten Parameter trainieren</translation>
    </message>
    <message>
        <source>train every parameter</source>
        <translation>alle Parameter trainieren</translation>
    </message>
    <message>
        <source>dataset %1</source>
        <translation>Datensatz %1</translation>
    </message>
    <message>
        <source>data from %1</source>
        <translation>Daten aus %1</translation>
    </message>
    <message>
        <source>%1 = %2</source>
        <translation>%1 = %2</translation>
    </message>
    <message>
        <source>no early stopping</source>
        <translation>kein frühes Stoppen</translation>
    </message>
    <message>
        <source>early stopping after %1 epochs</source>
        <translation>frühes Stoppen nach %1 Epochen</translation>
    </message>
    <message>
        <source>full speed</source>
        <translation>volles Tempo</translation>
    </message>
    <message>
        <source>speed %1 epochs/s</source>
        <translation>Tempo %1 Epochen/s</translation>
    </message>
    <message>
        <source>a new start from saved settings</source>
        <translation>Neubeginn mit gespeicherten Einstellungen</translation>
    </message>
    <message>
        <source>a change</source>
        <translation>eine Änderung</translation>
    </message>
</context>
<context>
    <name>NetworkView</name>
    <message>
        <source>Network editor</source>
        <translation>Netz-Editor</translation>
    </message>
    <message>
        <source>Input Layer</source>
        <translation>Eingabeschicht</translation>
    </message>
    <message>
        <source>Hidden Layer</source>
        <translation>Verborgene Schicht</translation>
    </message>
    <message>
        <source>Output Layer</source>
        <translation>Ausgabeschicht</translation>
    </message>
    <message>
        <source>positive</source>
        <translation>positiv</translation>
    </message>
    <message>
        <source>negative</source>
        <translation>negativ</translation>
    </message>
    <message>
        <source>thicker = larger |value|</source>
        <translation>dicker = größerer |Wert|</translation>
    </message>
    <message>
        <source>B = bias node (always 1)</source>
        <translation>B = Bias-Knoten (immer 1)</translation>
    </message>
    <message>
        <source>double-click a value to change it</source>
        <translation>Doppelklick auf einen Wert ändert ihn</translation>
    </message>
    <message>
        <source>%1: %2
value = %3
∂L/∂%1 = %4
Click to select, double-click to change.</source>
        <translation>%1: %2
Wert = %3
∂L/∂%1 = %4
Klicken zum Auswählen, Doppelklick zum Ändern.</translation>
    </message>
    <message>
        <source>B1: bias node, always 1; its edges are the hidden units&apos; biases</source>
        <translation>B1: Bias-Knoten, immer 1; seine Kanten sind die Bias-Werte der verborgenen Neuronen</translation>
    </message>
    <message>
        <source>B2: bias node, always 1; its edges are the outputs&apos; biases</source>
        <translation>B2: Bias-Knoten, immer 1; seine Kanten sind die Bias-Werte der Ausgaben</translation>
    </message>
    <message>
        <source>%1: input %2</source>
        <translation>%1: Eingabe %2</translation>
    </message>
    <message>
        <source>%1: hidden unit %2, activation %3</source>
        <translation>%1: verborgenes Neuron %2, Aktivierungsfunktion %3</translation>
    </message>
    <message>
        <source>%1: output %2, activation %3</source>
        <translation>%1: Ausgabe %2, Aktivierungsfunktion %3</translation>
    </message>
</context>
<context>
    <name>NotebookExport</name>
    <message>
        <source>Export lab notebook to folder</source>
        <translation>Laborprotokoll in einen Ordner exportieren</translation>
    </message>
    <message>
        <source>Replace the lab notebook?</source>
        <translation>Das Laborprotokoll ersetzen?</translation>
    </message>
    <message>
        <source>%1 already holds a lab notebook. Replace its files?</source>
        <translation>%1 enthält bereits ein Laborprotokoll. Seine Dateien ersetzen?</translation>
    </message>
    <message>
        <source>Could not write the lab notebook to %1: %2</source>
        <translation>Das Laborprotokoll konnte nicht nach %1 geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Lab notebook written to %1</source>
        <translation>Laborprotokoll nach %1 geschrieben</translation>
    </message>
</context>
<context>
    <name>PlotItem</name>
    <message>
        <source>Plot Options</source>
        <translation>Diagrammoptionen</translation>
    </message>
    <message>
        <source>Transforms</source>
        <translation>Transformationen</translation>
    </message>
    <message>
        <source>Downsample</source>
        <translation>Ausdünnen</translation>
    </message>
    <message>
        <source>Average</source>
        <translation>Mitteln</translation>
    </message>
    <message>
        <source>Alpha</source>
        <translation>Deckkraft</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>Gitter</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Punkte</translation>
    </message>
</context>
<context>
    <name>Presentation</name>
    <message>
        <source>Presenter</source>
        <translation>Präsentation</translation>
    </message>
    <message>
        <source>η =</source>
        <translation>η =</translation>
    </message>
    <message>
        <source>Learning rate η: how far each step goes against the gradient</source>
        <translation>Lernrate η: wie weit jeder Schritt gegen den Gradienten geht</translation>
    </message>
    <message>
        <source>Epoch %1</source>
        <translation>Epoche %1</translation>
    </message>
    <message>
        <source>loss %1</source>
        <translation>Verlust %1</translation>
    </message>
</context>
<context>
    <name>Registry</name>
    <message>
        <source>Sigmoid</source>
        <translation>Sigmoid</translation>
    </message>
    <message>
        <source>ReLU</source>
        <translation>ReLU</translation>
    </message>
    <message>
        <source>Tanh</source>
        <translation>Tanh</translation>
    </message>
    <message>
        <source>Linear</source>
        <translation>Linear</translation>
    </message>
    <message>
        <source>Leaky ReLU</source>
        <translation>Leaky ReLU</translation>
    </message>
    <message>
        <source>Softmax</source>
        <translation>Softmax</translation>
    </message>
    <message>
        <source>Mean squared error (MSE)</source>
        <translation>Mittlerer quadratischer Fehler (MSE)</translation>
    </message>
    <message>
        <source>Mean absolute error (MAE)</source>
        <translation>Mittlerer absoluter Fehler (MAE)</translation>
    </message>
    <message>
        <source>Cross-entropy (binary)</source>
        <translation>Kreuzentropie (binär)</translation>
    </message>
    <message>
        <source>Categorical cross-entropy</source>
        <translation>Kategoriale Kreuzentropie</translation>
    </message>
</context>
<context>
    <name>RunActions</name>
    <message>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <source>Training %1 learning rates for %2 epochs each from the run&apos;s initial weights…</source>
        <translation>%1 Lernraten werden je %2 Epochen lang ab den Anfangsgewichten des Laufs trainiert…</translation>
    </message>
</context>
<context>
    <name>Runs</name>
    <message>
        <source>η = %1</source>
        <translation>η = %1</translation>
    </message>
    <message>
        <source>hidden = %1</source>
        <translation>verborgen = %1</translation>
    </message>
    <message>
        <source>output %1</source>
        <translation>Ausgabe %1</translation>
    </message>
    <message>
        <source>full batch</source>
        <translation>voller Batch</translation>
    </message>
    <message>
        <source>batch %1</source>
        <translation>Batch %1</translation>
    </message>
    <message>
        <source>seed %1</source>
        <translation>Startwert %1</translation>
    </message>
    <message>
        <source>%1 rows</source>
        <translation>%1 Zeilen</translation>
    </message>
    <message>
        <source>noise %1</source>
        <translation>Rauschen %1</translation>
    </message>
    <message>
        <source>data seed %1</source>
        <translation>Startwert Daten %1</translation>
    </message>
    <message>
        <source>split %1</source>
        <translation>Aufteilung %1</translation>
    </message>
    <message>
        <source>split seed %1</source>
        <translation>Startwert Aufteilung %1</translation>
    </message>
    <message>
        <source>only %1 trained</source>
        <translation>nur %1 trainiert</translation>
    </message>
    <message>
        <source>all weights trained</source>
        <translation>alle Gewichte trainiert</translation>
    </message>
    <message>
        <source>η</source>
        <translation>η</translation>
    </message>
    <message>
        <source>batch size</source>
        <translation>Batchgröße</translation>
    </message>
    <message>
        <source>activation</source>
        <translation>Aktivierung</translation>
    </message>
    <message>
        <source>output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <source>trained weights</source>
        <translation>trainierte Gewichte</translation>
    </message>
    <message>
        <source>%1 changed during the run</source>
        <translation>%1 während des Laufs geändert</translation>
    </message>
    <message>
        <source>same settings</source>
        <translation>gleiche Einstellungen</translation>
    </message>
    <message>
        <source>run %1</source>
        <translation>Lauf %1</translation>
    </message>
</context>
<context>
    <name>RunsPanel</name>
    <message>
        <source>The first learning rate to compare (default: the current η / 10, too low: a crawl)</source>
        <translation>Die erste Lernrate für den Vergleich (Standard: das aktuelle η / 10, zu niedrig: Kriechen)</translation>
    </message>
    <message>
        <source>The second learning rate to compare (default: the current η)</source>
        <translation>Die zweite Lernrate für den Vergleich (Standard: das aktuelle η)</translation>
    </message>
    <message>
        <source>The third learning rate to compare (default: 10 × the current η, too high: it may overshoot or diverge)</source>
        <translation>Die dritte Lernrate für den Vergleich (Standard: 10 × das aktuelle η, zu hoch: kann über das Ziel hinausschießen oder divergieren)</translation>
    </message>
    <message>
        <source>Epochs each learning rate trains</source>
        <translation>Epochen, die mit jeder Lernrate trainiert werden</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Vergleichen</translation>
    </message>
    <message>
        <source>Train the run&apos;s initial weights with each learning rate and overlay the runs on the loss plot and their paths in the landscape</source>
        <translation>Die Anfangsgewichte dieses Laufs mit jeder Lernrate trainieren und die Läufe im Verlustdiagramm und ihre Wege in der Verlustlandschaft übereinanderlegen</translation>
    </message>
    <message>
        <source>Clear comparison</source>
        <translation>Vergleich entfernen</translation>
    </message>
    <message>
        <source>Untick every run: the plots show the current run only</source>
        <translation>Alle Häkchen entfernen: Die Diagramme zeigen nur den aktuellen Lauf</translation>
    </message>
    <message>
        <source>Compare η:</source>
        <translation>η vergleichen:</translation>
    </message>
    <message>
        <source>for</source>
        <translation>für</translation>
    </message>
    <message>
        <source>epochs</source>
        <translation>Epochen</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>What differs</source>
        <translation>Unterschied</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>Epochen</translation>
    </message>
    <message>
        <source>Train loss</source>
        <translation>Trainingsverlust</translation>
    </message>
    <message>
        <source>Dev loss</source>
        <translation>Entwicklungsverlust</translation>
    </message>
    <message>
        <source>Tick to overlay on the loss plot</source>
        <translation>Häkchen setzen, um ihn im Verlustdiagramm einzublenden</translation>
    </message>
    <message>
        <source>What the run did differently from the current settings</source>
        <translation>Was der Lauf anders gemacht hat als die aktuellen Einstellungen</translation>
    </message>
    <message>
        <source>No finished runs yet. A run is kept here when the model starts over (Reset, other data or network, a demo); tick it to compare its curves with the current run.</source>
        <translation>Noch keine abgeschlossenen Läufe. Ein Lauf wird hier aufbewahrt, wenn das Modell neu beginnt (Zurücksetzen, andere Daten oder ein anderes Netz, eine Demo); setzen Sie ein Häkchen, um seine Kurven mit dem aktuellen Lauf zu vergleichen.</translation>
    </message>
    <message>
        <source>Learning rate %1 of the comparison must be a positive number, not “%2”.</source>
        <translation>Lernrate %1 des Vergleichs muss eine positive Zahl sein, nicht „%2“.</translation>
    </message>
    <message>
        <source>Overlay run %1 on the loss plot</source>
        <translation>Lauf %1 im Verlustdiagramm einblenden</translation>
    </message>
    <message>
        <source>This run diverged and was stopped</source>
        <translation>Dieser Lauf ist divergiert und wurde angehalten</translation>
    </message>
    <message>
        <source>From Compare learning rates: the same initial weights as the run it was compared in</source>
        <translation>Aus „Lernraten vergleichen“: dieselben Anfangsgewichte wie der Lauf, mit dem verglichen wurde</translation>
    </message>
    <message>
        <source>Back to η/10, η and 10·η of the current learning rate (and follow it again)</source>
        <translation>Zurück zu η/10, η und 10·η der aktuellen Lernrate (und ihr wieder folgen)</translation>
    </message>
</context>
<context>
    <name>SplitError</name>
    <message>
        <source>the data has %1 rows, but at least %2 are needed: one each for training, development and test. Add more rows.</source>
        <translation>die Daten haben %1 Zeilen, nötig sind aber mindestens %2: je eine für Training, Entwicklung und Test. Fügen Sie weitere Zeilen hinzu.</translation>
    </message>
    <message>
        <source>every class needs at least %1 rows (one each for training, development and test), but these have fewer: %2. Add rows of those classes or remove them.</source>
        <translation>jede Klasse braucht mindestens %1 Zeilen (je eine für Training, Entwicklung und Test), diese haben weniger: %2. Fügen Sie Zeilen dieser Klassen hinzu oder entfernen Sie sie.</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>Welcome to nnsim</source>
        <translation>Willkommen bei nnsim</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Basics of Neural Networks, to see and touch&lt;/h2&gt;&lt;p&gt;Press &lt;b&gt;Train&lt;/b&gt; to watch the lecture&apos;s 3-3-2 network learn the vowels of &lt;i&gt;hid&lt;/i&gt; and &lt;i&gt;head&lt;/i&gt;, or open one of the lecture&apos;s claims as a demo. Every demo is also in the &lt;b&gt;Lecture&lt;/b&gt; menu; this page is under &lt;b&gt;Help&lt;/b&gt;.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Grundlagen neuronaler Netze zum Anschauen und Ausprobieren&lt;/h2&gt;&lt;p&gt;Drücken Sie &lt;b&gt;Trainieren&lt;/b&gt; und sehen Sie zu, wie das 3-3-2-Netz der Vorlesung die Vokale von &lt;i&gt;hid&lt;/i&gt; und &lt;i&gt;head&lt;/i&gt; lernt, oder öffnen Sie eine Aussage der Vorlesung als Demo. Alle Demos finden Sie auch im Menü &lt;b&gt;Vorlesung&lt;/b&gt;; diese Seite steht unter &lt;b&gt;Hilfe&lt;/b&gt;.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Show this page when nnsim starts</source>
        <translation>Diese Seite beim Start von nnsim zeigen</translation>
    </message>
    <message>
        <source>Help → Start page opens it at any time</source>
        <translation>Hilfe → Startseite öffnet sie jederzeit</translation>
    </message>
    <message>
        <source>Start with the default network</source>
        <translation>Mit dem Standardnetz beginnen</translation>
    </message>
    <message>
        <source>Close this page; the vowels network is ready to train</source>
        <translation>Diese Seite schließen; das Vokal-Netz ist bereit zum Training</translation>
    </message>
</context>
<context>
    <name>StepExplainer</name>
    <message>
        <source>All training rows (mean)</source>
        <translation>Alle Trainingszeilen (Mittelwert)</translation>
    </message>
    <message>
        <source>One training row:</source>
        <translation>Eine Trainingszeile:</translation>
    </message>
    <message>
        <source>Follow the mean over every training row (what training uses) or one row</source>
        <translation>Den Mittelwert über alle Trainingszeilen verfolgen (den das Training verwendet) oder eine einzelne Zeile</translation>
    </message>
    <message>
        <source>The training row to follow (as numbered in the Examples table)</source>
        <translation>Die zu verfolgende Trainingszeile (nummeriert wie in der Beispieltabelle)</translation>
    </message>
    <message>
        <source>The parameter shown in the loss landscape: its slope, step and new value are the landscape&apos;s</source>
        <translation>Der Parameter, der in der Verlustlandschaft gezeigt wird: Steigung, Schritt und neuer Wert sind die der Verlustlandschaft</translation>
    </message>
    <message>
        <source>Next phase</source>
        <translation>Nächste Phase</translation>
    </message>
    <message>
        <source>Compute the next phase of the epoch (F10, or Step in the toolbar)</source>
        <translation>Die nächste Phase der Epoche berechnen (F10 oder „Schritt“ in der Werkzeugleiste)</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Abspielen</translation>
    </message>
    <message>
        <source>Walk on by itself, one phase a second</source>
        <translation>Von selbst weitergehen, eine Phase pro Sekunde</translation>
    </message>
    <message>
        <source>Start over</source>
        <translation>Von vorn</translation>
    </message>
    <message>
        <source>Back to the start of this epoch&apos;s walk</source>
        <translation>Zurück zum Anfang des Durchgangs dieser Epoche</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>&amp;Step: next phase</source>
        <translation>&amp;Schritt: nächste Phase</translation>
    </message>
    <message>
        <source>Explain mode: compute the next phase of the epoch (F10); the last phase trains the epoch</source>
        <translation>Erklärmodus: die nächste Phase der Epoche berechnen (F10); die letzte Phase trainiert die Epoche</translation>
    </message>
    <message>
        <source>Early stopping has paused this run: untick it to train on, or Reset, then walk through an epoch.</source>
        <translation>Frühes Stoppen hat diesen Lauf angehalten: Entfernen Sie das Häkchen, um weiterzutrainieren, oder setzen Sie zurück und gehen Sie dann eine Epoche durch.</translation>
    </message>
    <message>
        <source>The run has diverged: its numbers are no longer finite. Press Reset (with a smaller learning rate) to start again.</source>
        <translation>Der Lauf ist divergiert: Seine Zahlen sind nicht mehr endlich. Drücken Sie „Zurücksetzen“ (mit einer kleineren Lernrate), um neu zu beginnen.</translation>
    </message>
    <message>
        <source>Training runs: the walk stops. Pause and press Step to walk through an epoch again.</source>
        <translation>Das Training läuft: Der Durchgang endet. Halten Sie an und drücken Sie „Schritt“, um wieder eine Epoche durchzugehen.</translation>
    </message>
    <message>
        <source>The network, the data or a setting changed: the walk starts again from the forward pass.</source>
        <translation>Das Netz, die Daten oder eine Einstellung haben sich geändert: Der Durchgang beginnt wieder mit dem Vorwärtsdurchlauf.</translation>
    </message>
    <message>
        <source>Preparing the trace…</source>
        <translation>Die Rechnung wird vorbereitet…</translation>
    </message>
    <message>
        <source>Training runs: the numbers follow the network. Pause and press Step to walk through one epoch.</source>
        <translation>Das Training läuft: Die Zahlen folgen dem Netz. Halten Sie an und drücken Sie „Schritt“, um eine Epoche durchzugehen.</translation>
    </message>
    <message>
        <source>Press Step (F10) or Next phase to walk through the next epoch: forward pass, loss, backward pass, update.</source>
        <translation>Drücken Sie „Schritt“ (F10) oder „Nächste Phase“, um die nächste Epoche durchzugehen: Vorwärtsdurchlauf, Verlust, Rückwärtsdurchlauf, Aktualisierung.</translation>
    </message>
    <message>
        <source>Ready: epoch %1</source>
        <translation>Bereit: Epoche %1</translation>
    </message>
    <message>
        <source>This step made the run diverge: training has stopped and kept the last weights with a finite loss. Press Reset (with a smaller learning rate).</source>
        <translation>Dieser Schritt hat den Lauf divergieren lassen: Das Training wurde angehalten und hat die letzten Gewichte mit endlichem Verlust behalten. Drücken Sie „Zurücksetzen“ (mit einer kleineren Lernrate).</translation>
    </message>
    <message>
        <source>Done: the epoch is trained in mini-batches, as Step does it. Press Step for the next epoch.</source>
        <translation>Fertig: Die Epoche ist in Mini-Batches trainiert, genau wie bei „Schritt“. Drücken Sie „Schritt“ für die nächste Epoche.</translation>
    </message>
    <message>
        <source>Done: the weights are updated, exactly as Step does it. Press Step for the next epoch.</source>
        <translation>Fertig: Die Gewichte sind aktualisiert, genau wie bei „Schritt“. Drücken Sie „Schritt“ für die nächste Epoche.</translation>
    </message>
    <message>
        <source>Some numbers are no longer finite: the run has diverged.</source>
        <translation>Einige Zahlen sind nicht mehr endlich: Der Lauf ist divergiert.</translation>
    </message>
    <message>
        <source>Phase %1 of %2: %3</source>
        <translation>Phase %1 von %2: %3</translation>
    </message>
    <message>
        <source>Clicked: %1</source>
        <translation>Angeklickt: %1</translation>
    </message>
    <message>
        <source>(The landscape is drawn from %1 of the %2 rows, so its slope can differ a little.)</source>
        <translation>(Die Verlustlandschaft wird aus %1 der %2 Zeilen gezeichnet, ihre Steigung kann deshalb etwas abweichen.)</translation>
    </message>
    <message>
        <source>Selected in the landscape: %1</source>
        <translation>In der Verlustlandschaft gewählt: %1</translation>
    </message>
    <message>
        <source>mean</source>
        <translation>Mittelwert</translation>
    </message>
    <message>
        <source>Forward pass: the hidden layer</source>
        <translation>Vorwärtsdurchlauf: die verborgene Schicht</translation>
    </message>
    <message>
        <source>Forward pass: the output layer</source>
        <translation>Vorwärtsdurchlauf: die Ausgabeschicht</translation>
    </message>
    <message>
        <source>Loss: the outputs against the targets</source>
        <translation>Verlust: die Ausgaben im Vergleich zu den Zielwerten</translation>
    </message>
    <message>
        <source>Backward pass: δ of the outputs and ∂L/∂v</source>
        <translation>Rückwärtsdurchlauf: δ der Ausgaben und ∂L/∂v</translation>
    </message>
    <message>
        <source>Backward pass: δ of the hidden units and ∂L/∂w</source>
        <translation>Rückwärtsdurchlauf: δ der verborgenen Neuronen und ∂L/∂w</translation>
    </message>
    <message>
        <source>Update: every weight against its gradient</source>
        <translation>Aktualisierung: jedes Gewicht entgegen seinem Gradienten</translation>
    </message>
    <message>
        <source>Each hidden unit sums its weighted inputs plus its bias (z) and applies its activation.</source>
        <translation>Jedes verborgene Neuron summiert seine gewichteten Eingaben und seinen Bias (z) und wendet seine Aktivierungsfunktion an.</translation>
    </message>
    <message>
        <source>Each output unit sums the weighted hidden activations plus its bias and applies the output activation: the prediction ŷ.</source>
        <translation>Jedes Ausgabeneuron summiert die gewichteten Aktivierungen der verborgenen Schicht und seinen Bias und wendet die Ausgabeaktivierung an: die Vorhersage ŷ.</translation>
    </message>
    <message>
        <source>The loss compares the predictions with the true values.</source>
        <translation>Der Verlust vergleicht die Vorhersagen mit den wahren Werten.</translation>
    </message>
    <message>
        <source>δ = ∂L/∂z says how the loss changes with an output&apos;s sum; each hidden→output weight&apos;s slope is δ times the activation it carries.</source>
        <translation>δ = ∂L/∂z gibt an, wie sich der Verlust mit der Summe eines Ausgabeneurons ändert; die Steigung jedes Gewichts von der verborgenen Schicht zur Ausgabe ist δ mal die Aktivierung, die es weiterleitet.</translation>
    </message>
    <message>
        <source>A hidden unit&apos;s δ is the output δs sent back along its weights, times the slope of its activation; an input weight&apos;s slope is δ times the input.</source>
        <translation>Das δ eines verborgenen Neurons ist die über seine Gewichte zurückgeleitete Summe der Ausgabe-δ, mal die Steigung seiner Aktivierungsfunktion; die Steigung eines Eingabegewichts ist δ mal die Eingabe.</translation>
    </message>
    <message>
        <source>Gradient descent: new value = old value − η · slope.</source>
        <translation>Gradientenabstieg: neuer Wert = alter Wert − η · Steigung.</translation>
    </message>
    <message>
        <source>Numbers for all %1 training rows: means over the rows (z is linear, so its mean is the formula at the mean inputs; the slopes are the means of the rows&apos; products).</source>
        <translation>Zahlen für alle %1 Trainingszeilen: Mittelwerte über die Zeilen (z ist linear, sein Mittelwert ist also die Formel an den mittleren Eingaben; die Steigungen sind die Mittelwerte der Produkte je Zeile).</translation>
    </message>
    <message>
        <source>Numbers for training row %1 alone (ℓ is its loss).</source>
        <translation>Zahlen nur für Trainingszeile %1 (ℓ ist ihr Verlust).</translation>
    </message>
    <message>
        <source>Training does not step with one row&apos;s slope: the update takes the mean slope ∂L/∂w over all %1 training rows, shown here.</source>
        <translation>Das Training geht nicht mit der Steigung einer einzelnen Zeile: Die Aktualisierung nimmt die mittlere Steigung ∂L/∂w über alle %1 Trainingszeilen, wie hier gezeigt.</translation>
    </message>
    <message>
        <source>Mini-batches of %1: this epoch makes %2 smaller steps, each with the mean slope of its own shuffled rows. Shown is the full-batch step; the weights after the epoch differ from it.</source>
        <translation>Mini-Batches mit %1 Zeilen: Diese Epoche macht %2 kleinere Schritte, jeden mit der mittleren Steigung seiner eigenen, zufällig gemischten Zeilen. Gezeigt ist der Schritt über alle Zeilen; die Gewichte nach der Epoche weichen davon ab.</translation>
    </message>
    <message>
        <source>Only the selected parameter is trained: the others stay as they are.</source>
        <translation>Nur der ausgewählte Parameter wird trainiert, die anderen bleiben, wie sie sind.</translation>
    </message>
    <message>
        <source>L (means, %2 rows) = %1</source>
        <translation>L (Mittelwerte, %2 Zeilen) = %1</translation>
    </message>
    <message>
        <source>row %1: ℓ = %2</source>
        <translation>Zeile %1: ℓ = %2</translation>
    </message>
    <message>
        <source>The mean over all %1 training rows: what training itself uses.</source>
        <translation>Der Mittelwert über alle %1 Trainingszeilen: das, was auch das Training verwendet.</translation>
    </message>
    <message>
        <source>Row %1: x = (%2) → target y = (%3)</source>
        <translation>Zeile %1: x = (%2) → Zielwert y = (%3)</translation>
    </message>
</context>
<context>
    <name>SweepCurves</name>
    <message>
        <source>Training and development loss of the selected configuration; the red line marks its lowest development loss</source>
        <translation>Trainings- und Entwicklungsverlust der gewählten Konfiguration; die rote Linie markiert ihren niedrigsten Entwicklungsverlust</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <source>training loss</source>
        <translation>Trainingsverlust</translation>
    </message>
    <message>
        <source>development loss</source>
        <translation>Entwicklungsverlust</translation>
    </message>
    <message>
        <source>best epoch %1: dev loss %2</source>
        <translation>beste Epoche %1: Entwicklungsverlust %2</translation>
    </message>
</context>
<context>
    <name>SweepDialog</name>
    <message>
        <source>Tune hyperparameters on the development set</source>
        <translation>Hyperparameter auf den Entwicklungsdaten abstimmen</translation>
    </message>
    <message>
        <source>Learning rates to try, separated by commas (positive numbers, at most %1)</source>
        <translation>Zu testende Lernraten, durch Semikolons getrennt (positive Zahlen, höchstens %1)</translation>
    </message>
    <message>
        <source>Smallest number of hidden units to try</source>
        <translation>Kleinste zu testende Zahl verborgener Neuronen</translation>
    </message>
    <message>
        <source>Largest number of hidden units to try</source>
        <translation>Größte zu testende Zahl verborgener Neuronen</translation>
    </message>
    <message>
        <source>Epochs every configuration trains for; the best epoch on the development set is kept</source>
        <translation>Epochen, die jede Konfiguration trainiert; die beste Epoche auf den Entwicklungsdaten wird behalten</translation>
    </message>
    <message>
        <source>full batch</source>
        <translation>voller Batch</translation>
    </message>
    <message>
        <source>batch size %1</source>
        <translation>Batchgröße %1</translation>
    </message>
    <message>
        <source>hidden %1, output %2, loss %3, weight seed %4, %5</source>
        <translation>verborgen %1, Ausgabe %2, Verlust %3, Startwert der Gewichte %4, %5</translation>
    </message>
    <message>
        <source>Taken from the main window and the same for every configuration</source>
        <translation>Aus dem Hauptfenster übernommen und für jede Konfiguration gleich</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>Learning rates η:</source>
        <translation>Lernraten η:</translation>
    </message>
    <message>
        <source>Hidden units:</source>
        <translation>Verborgene Neuronen:</translation>
    </message>
    <message>
        <source>Epochs:</source>
        <translation>Epochen:</translation>
    </message>
    <message>
        <source>Fixed:</source>
        <translation>Fest:</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>Train every configuration on the training set and score it on the development set (never the test set)</source>
        <translation>Jede Konfiguration auf den Trainingsdaten trainieren und auf den Entwicklungsdaten bewerten (nie auf den Testdaten)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop the sweep and show what it has so far</source>
        <translation>Die Suche abbrechen und die bisherigen Ergebnisse zeigen</translation>
    </message>
    <message>
        <source>Epochs done of the sweep</source>
        <translation>Bereits trainierte Epochen der Suche</translation>
    </message>
    <message>
        <source>Colour and number: the lowest development loss each configuration reached over its epochs (darker = lower). Grey × = diverged. Red outline = best overall. Hover a cell for its epoch and accuracy.</source>
        <translation>Farbe und Zahl: der niedrigste Entwicklungsverlust, den jede Konfiguration über ihre Epochen erreicht hat (dunkler = niedriger). Graues × = divergiert. Roter Rahmen = insgesamt am besten. Mit der Maus über einer Zelle erscheinen Epoche und Genauigkeit.</translation>
    </message>
    <message>
        <source>Columns: learning rate η   ·   rows: hidden units h</source>
        <translation>Spalten: Lernrate η   ·   Zeilen: verborgene Neuronen h</translation>
    </message>
    <message>
        <source>Use this configuration</source>
        <translation>Diese Konfiguration übernehmen</translation>
    </message>
    <message>
        <source>Set these hidden units and learning rate in the main window and train to the best epoch</source>
        <translation>Diese Zahl verborgener Neuronen und diese Lernrate im Hauptfenster einstellen und bis zur besten Epoche trainieren</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Close without changing anything</source>
        <translation>Schließen, ohne etwas zu ändern</translation>
    </message>
    <message>
        <source>Enter at least one learning rate.</source>
        <translation>Geben Sie mindestens eine Lernrate ein.</translation>
    </message>
    <message>
        <source>Each learning rate only once, please.</source>
        <translation>Bitte jede Lernrate nur einmal.</translation>
    </message>
    <message>
        <source>At most %1 learning rates.</source>
        <translation>Höchstens %1 Lernraten.</translation>
    </message>
    <message>
        <source>“%1” is not a positive number.</source>
        <translation>„%1“ ist keine positive Zahl.</translation>
    </message>
    <message>
        <source>The smallest number of hidden units is above the largest.</source>
        <translation>Die kleinste Zahl verborgener Neuronen ist größer als die größte.</translation>
    </message>
    <message>
        <source>Training %1 configurations…</source>
        <translation>%1 Konfigurationen werden trainiert…</translation>
    </message>
    <message>
        <source>Done: %1 epochs per configuration.</source>
        <translation>Fertig: %1 Epochen je Konfiguration.</translation>
    </message>
    <message>
        <source>Cancelled after %1 epochs; the heatmap shows those.</source>
        <translation>Nach %1 Epochen abgebrochen; die Heatmap zeigt diese.</translation>
    </message>
    <message>
        <source>The sweep could not run: %1</source>
        <translation>Die Suche konnte nicht laufen: %1</translation>
    </message>
    <message>
        <source>h = %1, η = %2 diverged: pick another cell.</source>
        <translation>h = %1, η = %2 ist divergiert: Wählen Sie eine andere Zelle.</translation>
    </message>
    <message>
        <source>Selected: %1 hidden units, η = %2, best epoch %3.</source>
        <translation>Gewählt: %1 verborgene Neuronen, η = %2, beste Epoche %3.</translation>
    </message>
</context>
<context>
    <name>SweepHeatmap</name>
    <message>
        <source>Lowest development loss of every configuration: click a cell to see its curves</source>
        <translation>Niedrigster Entwicklungsverlust jeder Konfiguration: Klicken Sie auf eine Zelle, um ihre Kurven zu sehen</translation>
    </message>
    <message>
        <source>h = %1, η = %2: diverged at epoch %3 (try a smaller learning rate)</source>
        <translation>h = %1, η = %2: in Epoche %3 divergiert (versuchen Sie eine kleinere Lernrate)</translation>
    </message>
    <message>
        <source>h = %1, η = %2: lowest development loss %3 at epoch %4</source>
        <translation>h = %1, η = %2: niedrigster Entwicklungsverlust %3 in Epoche %4</translation>
    </message>
    <message>
        <source> (development accuracy there: %1%)</source>
        <translation> (Genauigkeit auf den Entwicklungsdaten dort: %1 %)</translation>
    </message>
    <message>
        <source> — the best configuration of the sweep</source>
        <translation> — die beste Konfiguration der Suche</translation>
    </message>
</context>
<context>
    <name>TestResultsPanel</name>
    <message>
        <source>The final evaluation: the test loss of the model that was chosen on the development set</source>
        <translation>Die abschließende Auswertung: der Testverlust des Modells, das auf den Entwicklungsdaten gewählt wurde</translation>
    </message>
    <message>
        <source>No final evaluation yet: Train → Evaluate on test set, once, when the model is chosen.</source>
        <translation>Noch keine abschließende Auswertung: Training → Auf Testdaten auswerten, einmal, wenn das Modell gewählt ist.</translation>
    </message>
    <message>
        <source>Test loss</source>
        <translation>Testverlust</translation>
    </message>
    <message>
        <source>Test accuracy</source>
        <translation>Testgenauigkeit</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <source>Hidden units</source>
        <translation>Verborgene Neuronen</translation>
    </message>
    <message>
        <source>Activations</source>
        <translation>Aktivierungsfunktionen</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <source>Learning rate η</source>
        <translation>Lernrate η</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>Batchgröße</translation>
    </message>
    <message>
        <source>full batch</source>
        <translation>voller Batch</translation>
    </message>
    <message>
        <source>Weight seed</source>
        <translation>Startwert Gewichte</translation>
    </message>
    <message>
        <source>This run has looked at the test set %1 times: it now helped choose the model, like a development set.</source>
        <translation>Dieser Lauf hat die Testdaten %1-mal angesehen: Sie haben damit bei der Wahl des Modells mitgeholfen, wie Entwicklungsdaten.</translation>
    </message>
</context>
<context>
    <name>ValueEditor</name>
    <message>
        <source>New value of %1</source>
        <translation>Neuer Wert für %1</translation>
    </message>
    <message>
        <source>New value of %1: type a number and press Enter; Esc cancels</source>
        <translation>Neuer Wert für %1: Zahl eingeben und Enter drücken; Esc bricht ab</translation>
    </message>
    <message>
        <source>%1 = %2 is too large to teach anything: every unit it reaches saturates. Type a value between −%3 and %3.</source>
        <translation>%1 = %2 ist zu groß, um etwas zu lernen: Jedes Neuron, das es erreicht, geht in die Sättigung. Geben Sie einen Wert zwischen −%3 und %3 ein.</translation>
    </message>
    <message>
        <source>%1 needs a number, like 0.5 or -1.2; the field is empty.</source>
        <translation>%1 braucht eine Zahl wie 0,5 oder -1,2; das Feld ist leer.</translation>
    </message>
    <message>
        <source>%1 needs a finite number, like 0.5 or -1.2; “%2” is not one.</source>
        <translation>%1 braucht eine endliche Zahl wie 0,5 oder -1,2; „%2“ ist keine.</translation>
    </message>
</context>
<context>
    <name>ViewBox</name>
    <message>
        <source>View All</source>
        <translation>Alles zeigen</translation>
    </message>
    <message>
        <source>axis</source>
        <translation>Achse</translation>
    </message>
    <message>
        <source>Mouse Mode</source>
        <translation>Mausmodus</translation>
    </message>
    <message>
        <source>3 button</source>
        <translation>3 Tasten</translation>
    </message>
    <message>
        <source>1 button</source>
        <translation>1 Taste</translation>
    </message>
    <message>
        <source>ViewBox options</source>
        <translation>Ansichtsoptionen</translation>
    </message>
</context>
<context>
    <name>WindowLayout</name>
    <message>
        <source>Controls</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Loss over epochs</source>
        <translation>Verlust über die Epochen</translation>
    </message>
    <message>
        <source>Gradient descent: loss landscape</source>
        <translation>Gradientenabstieg: Verlustlandschaft</translation>
    </message>
</context>
<context>
    <name>plot_export</name>
    <message>
        <source>The plot has no size yet; show it before exporting.</source>
        <translation>Das Diagramm hat noch keine Größe; zeigen Sie es vor dem Exportieren an.</translation>
    </message>
    <message>
        <source>Could not write %1</source>
        <translation>%1 konnte nicht geschrieben werden</translation>
    </message>
    <message>
        <source>Exported from nnsim</source>
        <translation>Aus nnsim exportiert</translation>
    </message>
</context>
</TS>
