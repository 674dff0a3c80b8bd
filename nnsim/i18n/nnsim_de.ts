<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name></name>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;lesson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The lecture&apos;s demos as lesson files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a lesson file (.nnsim): settings, data, weights and notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the session as a lesson file (.nnsim)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the session in a new lesson file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load a dataset from a CSV file (Ctrl+I)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export lab &amp;notebook…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a folder with a report, the loss history, the figures, the weights and the lesson file: what you hand in for an exercise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export plot as PNG/SVG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the loss plot or the landscape as an image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;weights as CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save every weight and bias with its value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Train</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start or pause training (Space)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Step one epoch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train exactly one epoch: one gradient-descent step (F10)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New initial weights from the seed, back to epoch 0 (Ctrl+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Evaluate on test set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The final evaluation: the test loss of the current weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore &amp;best epoch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the weights of the epoch with the lowest dev loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Compare learning rates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train the run&apos;s initial weights with three learning rates (η/10, η, 10·η, or those in the Runs dock) and overlay them on the loss plot and the landscape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;lear comparison</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the pinned runs from the loss plot and the landscape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;une on dev set…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train every combination of learning rate and hidden units and compare them on the development set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Log-scale loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the loss on a logarithmic axis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show activation &amp;derivative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also plot the derivative of the activation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Presenter mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full screen for the lecture hall: the network and both plots in large type, high contrast (F5; Esc leaves)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Larger fonts and lines in the network and the plots (Ctrl++)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smaller fonts and lines in the network and the plots (Ctrl+−)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Normal size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the normal size (Ctrl+0)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A short guide along the lecture, with the shortcuts (F1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The welcome page with the lecture&apos;s demos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About nnsim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xplain the step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Walk through one epoch with every number: Step (F10) then computes one phase at a time — forward, loss, backward, update (F9 turns it on and off)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;gradients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draw each connection&apos;s slope ∂L/∂w instead of its weight: colour = sign, width = size (Ctrl+G)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loss (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Misclassified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training rows teach the network; development rows choose the model; test rows are for the final evaluation only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The row&apos;s number within its set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The input as in the data (the network sees it standardised with the training mean and spread)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The true value the network should output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The predicted class, with the probability the network gives it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The network&apos;s output for this row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This row&apos;s loss: the mean over the rows of a set is that set&apos;s loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The network&apos;s most probable class is not the target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click to sort.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>development</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hidden until the test set is evaluated (Train → Evaluate on test set)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The network sees %1 (standardised)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probabilities: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Predicted %1, but the target is %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click a training row to follow it in the step explainer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forward pass: the hidden layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forward pass: the output layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loss: the outputs against the targets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backward pass: δ of the outputs and ∂L/∂v</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backward pass: δ of the hidden units and ∂L/∂w</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update: every weight against its gradient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each hidden unit sums its weighted inputs plus its bias (z) and applies its activation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each output unit sums the weighted hidden activations plus its bias and applies the output activation: the prediction ŷ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The loss compares the predictions with the true values.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>δ = ∂L/∂z says how the loss changes with an output&apos;s sum; each hidden→output weight&apos;s slope is δ times the activation it carries.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A hidden unit&apos;s δ is the output δs sent back along its weights, times the slope of its activation; an input weight&apos;s slope is δ times the input.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gradient descent: new value = old value − η · slope.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Numbers for all %1 training rows: means over the rows (z is linear, so its mean is the formula at the mean inputs; the slopes are the means of the rows&apos; products).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Numbers for training row %1 alone (ℓ is its loss).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training does not step with one row&apos;s slope: the update takes the mean slope ∂L/∂w over all %1 training rows, shown here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mini-batches of %1: this epoch makes %2 smaller steps, each with the mean slope of its own shuffled rows. Shown is the full-batch step; the weights after the epoch differ from it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the selected parameter is trained: the others stay as they are.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mean %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L = %1 (mean over %2 rows)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>row %1: ℓ = %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mean over all %1 training rows: what training itself uses.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row %1: %2 → target %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ActivationPreview</name>
    <message>
        <source>Show derivative (dashed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backpropagation multiplies by this slope; where it is near 0 the unit learns slowly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Softmax&apos;s derivative couples all outputs; there is no single curve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(plotted: first output, other input 0)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{formula}  (dashed)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BuiltinDatasets</name>
    <message>
        <source>Vowels /ɪ/ vs /ɛ/</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tell the vowels of “hid” and “head” apart from their formants F1, F2 and F3, sampled around Peterson &amp; Barney’s (1952) averages for men.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>XOR (3-D)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Is the sign of x1 different from the sign of x2? No straight cut can tell, a hidden layer can; x3 is pure noise.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smooth curves (regression)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Predict two numbers, y1 = sin(x1) + 0.5·x2 and y2 = tanh(2·x3) + 0.5·sin(x1), from three inputs.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ControlPanel</name>
    <message>
        <source>Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The examples the network learns from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load your own data: a CSV file with a header row; the last column is the target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many examples to generate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How much the examples scatter around the pattern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Noise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training set: used to fit the weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Development set: used to tune the learning rate and the number of hidden units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test set: only for the final evaluation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which random split (same seed, same split)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dev %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Split seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Units in the hidden layer (H1, H2, …)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed of the initial weights (used by Reset)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hidden units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activation of the hidden units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hidden activation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activation of the output units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output activation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regression: MSE or MAE. Classification: cross-entropy; several classes: categorical cross-entropy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning rate η: how far each step goes against the gradient. Too high overshoots and diverges, too low crawls. Changeable while training.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning rate η</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Examples per gradient step: the whole training set, or shuffled mini-batches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slow motion for the lecture hall (1 epoch per second) up to as fast as possible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train only the selected parameter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Freeze every other weight: the run then walks exactly along the landscape&apos;s curve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop when the dev loss stalls for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Early stopping: pause once the development loss has not improved for this many epochs; Train → Restore best epoch goes back to its lowest point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patience: epochs without a better dev loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test %1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test %1 %!</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The test set needs at least 5 %: lower the training or dev share. Nothing is applied until it has.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>max</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 epochs/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is for classification; this data is a regression task: use MSE or MAE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 needs targets between 0 and 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DataView</name>
    <message>
        <source>The input along the horizontal axis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The input along the vertical axis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Horizontal:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vertical:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every row over the two chosen inputs: filled circles are training rows, hollow circles development rows, crosses test rows (shown only after the final evaluation). The background is the network&apos;s output there: for classification the predicted class, stronger where the network is surer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour: the class (or the target&apos;s value); shape: the set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>showing {0} of {1} {2} rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>development</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} fixed at its training mean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} fixed at their training means</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Data view needs at least two inputs</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DatasetError</name>
    <message>
        <source>the file name contains a NUL character, which no file name can hold. Choose the file again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this is a folder, not a file (%1). Choose a .csv file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this is not a regular file (it is %1). Choose a .csv file saved on a disk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file is %1; nnsim reads files up to %2, with at most %3 rows. Use a part of the data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file is larger than %1; nnsim reads files up to %1, with at most %2 rows. Use a part of the data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file does not exist (%1). Check the folder and the spelling of the name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a part of the path is a file, not a folder (%1). Check the folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file name is too long (%1 bytes; at most 255 are allowed). Rename the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the path is too long (%1 bytes). Move the file to a folder with a shorter path.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the path contains symbolic links that lead in a circle (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file cannot be read (%1). Check that it is not open in another program and that you may read it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is not enough free memory to load this file. Close other programs, or use a smaller file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this is not a text file (it contains binary data); perhaps it is an Excel workbook. Open it in a spreadsheet program and save it as “CSV UTF-8 (comma delimited)”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file claims to be %1 text but has invalid bytes at byte %2. Open it in a spreadsheet program and save it as “CSV UTF-8 (comma delimited)”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file mixes text encodings: this line is not valid UTF-8, but other lines are. Open it in a spreadsheet program and save it as “CSV UTF-8 (comma delimited)”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a value starting on this line is longer than %1 characters, far too long for a number or a name. Perhaps a double quote (&quot;) is not closed, so that the rest of the file is read as one value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file cannot be read as CSV (%1). Check the quotes on this line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file is empty. It needs a header line with column names and one line of numbers per sample.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file has a header line but no data. Add one line of values per sample below the header.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file has more than %1 rows of data; nnsim reads at most %1. Use a part of the rows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the header has only one column. The file needs at least two columns, features and a target, separated by commas, semicolons or tabs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the first line holds numbers, but it must hold the column names. Add a header line such as “x1,x2,x3,y”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this column has no name in the header. Give every column a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>two columns are called “%1” (columns %2 and %3). Give every column its own name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no target column was chosen. Choose at least one column for the network to predict.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no column called “%1”. The columns are: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no column called “%1”. The columns are: %2 and %3 more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no feature column: every column is a target. Leave at least one column as input for the network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there are %1 feature columns, but the input layer holds at most %2 units. Delete some columns.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there are %1 target columns, but the output layer holds at most %2 units.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this line has %1 values, but the header has %2 columns. Look for a missing value or an extra %3; a value that contains a %3 must be in double quotes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the header has %1 columns; nnsim reads at most %2, and the network uses at most %3 inputs and %3 outputs. Delete the columns you do not need.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this cell is empty. Every cell needs a value: fill it in or delete the row.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is a missing value. Every cell needs a finite number: fill in a value or delete the row.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is an infinite value. Every cell needs a finite number: fill in a value or delete the row.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is too large: numbers must lie between -1.8e308 and 1.8e308. Correct the value or delete the row.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a number. This column holds text; only a target may be text. Delete the column, or choose it as the target.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a number. Features must be numbers: correct the value or delete the row.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a number. A regression target must be a number: correct the value or delete the row.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>with several target columns, classification needs one 0/1 column per class with exactly one 1 in each row. Or use a single target column holding the class.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every row has the same class “%1”. A classifier needs at least two classes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the target has %1 different classes (%2, ...), but the output layer holds at most %3 units. If the target is a measured quantity, treat it as regression.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>too little data to split: the data has %1 rows, but at least %2 are needed: one each for training, development and test. Add more rows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>too little data to split: every class needs at least %1 rows (one each for training, development and test), but %2. Add rows of that class or remove the class.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>comma</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>semicolon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a named pipe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a character device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a block device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a socket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a special file</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DemoCaption</name>
    <message>
        <source>Hide the caption (the demo stays as it is)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try this: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loss scores of these predictions: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Demos</name>
    <message>
        <source>Activation functions: sigmoid and ReLU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The small plot under the controls is the activation function of the hidden units. The sigmoid squeezes any input into the range between 0 and 1 and gives exactly 0.5 for an input of 0. ReLU lets positive inputs through unchanged, so 2 stays 2, and turns every negative input into 0.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch the hidden activation to ReLU and watch the preview change shape.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loss functions: one set of predictions, several scores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A loss function turns all of the network&apos;s misses into one number. The same predictions get two scores here: the mean squared error (MSE) squares each miss, so big misses count heavily, while the mean absolute error (MAE) counts each miss by its plain size. Training lowers whichever one you choose as the loss.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch the data to the vowels: their class predictions are scored with cross-entropy, next to MSE and MAE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One step of gradient descent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The curve is the training loss as the single weight v32 changes; every other weight stays fixed. The slope at the current point shows which way the loss rises, so gradient descent moves the weight the other way, by the learning rate (here 1.5) times the slope. Each Step lands lower on the curve, closer to its minimum.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press Step a few times: the steps get shorter as the curve flattens towards the minimum.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning rate too high: overshooting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same weight, same curve, but now the learning rate is 7. Every step is so long that it jumps over the minimum and lands higher up on the other side; the weight zig-zags outwards, the loss grows, and after a few epochs the run is stopped as diverged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press Reset, set the learning rate to 6 and train again: it still zig-zags, but each jump is shorter and the run settles.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning rate too low: crawling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same weight and curve again, with a learning rate of 0.0005. Every step is tiny: after 100 epochs the point has hardly moved and the loss curve is almost flat, although the minimum is still far away.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the learning rate to 0.5, press Reset and train again: within about 100 epochs the point reaches the minimum.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stuck in a local minimum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data form a lopsided V, and a single ReLU unit can follow only one arm of it: the gentle right arm when the weight w11 is positive, the steep left arm when it is negative. So the loss along w11 has two valleys, and the left one is much deeper. With the small learning rate 0.1 the weight rolls into the nearer, shallower valley and stays there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press Reset, set the learning rate to 1.5 and train again: the first step jumps over the hill into the deeper valley.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The 3-3-2 network and its parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is the network of the slide: three inputs (here the formants F1, F2 and F3 of a vowel), three hidden units and two outputs (the vowels of “hid” and “head”). Every connection has a weight, w11 to w33 into the hidden layer and v11 to v32 into the outputs, and every hidden and output unit has a bias, b1 to b5: 20 numbers that training adjusts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click a weight to see its loss curve, or type a new value for it and watch the loss change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overfitting: the dev loss turns around</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only 20 noisy training rows, but 9 hidden units with 56 weights and biases: enough to learn the noise by heart. The training loss keeps falling, while the development loss reaches its lowest point early and then climbs, because from there on the network fits the noise instead of the pattern.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raise Samples to 400 and train again: with ten times as many training rows the dev loss stays near its lowest value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training, development and test data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rows are split at random: 70 % for training, 15 % for development and 15 % for testing. Gradient descent learns from the training rows only; the dev loss next to it is what you compare when you choose a learning rate or the number of hidden units. The test rows stay sealed until the very end, for one honest score.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train until the dev loss stops improving, then choose “Evaluate on test set” once.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExamplesTable</name>
    <message>
        <source>The mean of a set&apos;s row losses is that set&apos;s loss, as in the status bar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every row of the data: click a column title to sort by it (the loss, to find the rows the network gets most wrong); click a training row to follow it in the step explainer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rows appear here once the network has been computed on them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epoch %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>development</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 rows, sealed until the final evaluation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 of %3 misclassified, mean loss %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 rows, mean loss %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <source>nnsim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv *.tsv *.txt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loss over epochs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loss landscape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export plot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plot:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG image (*.svg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <source>nnsim guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activation functions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the hidden and output activation in the controls. The preview under them plots the function with the lecture&apos;s examples σ(0) = 0.5 and ReLU(2) = 2; View → Show activation derivative adds its slope.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loss functions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MSE and MAE for regression, cross-entropy and categorical cross-entropy for classification, each with its formula. The status bar shows the loss score of the current forward pass. Losses that do not fit the data are greyed out, with the reason on hover.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gradient descent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The landscape is the lecture&apos;s figure for the real network: the training loss against one weight, the initial weight and loss, the gradient (slope), the step −η·slope to the new weight and loss, and the minimum. Click a connection to show it there. Step (F10) trains exactly one epoch. Tick “Train only the selected parameter” to walk exactly along the curve.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change η while training. Too high overshoots and diverges (training pauses and says so; Reset recovers), too low crawls.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The lecture&apos;s graph: inputs I1–I3, hidden units H1–H3, outputs O1–O2, bias nodes B1 and B2, weights w11…w33 and v11…v32, biases b1…b5, each with its value. Double-click a value to type a new one; − and + change the hidden units.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training, development and test sets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train % and Dev % split the data; the test set gets the rest. The loss plot shows training and development loss; the test set stays sealed until Evaluate on test set, the final evaluation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>train / pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step one epoch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>evaluate on the test set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>presenter mode (Esc leaves)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>zoom in / out / normal size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>import a CSV file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>export a plot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>log-scale loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this guide</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HiddenUnitButtons</name>
    <message>
        <source>Remove a hidden unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a hidden unit (at most 9)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LandscapeControls</name>
    <message>
        <source>The weight whose loss curve is shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lowest weight shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highest weight shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the range around the current weight, the step and the minimum automatically</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The range must go from low to high: the first number below the second.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The weights shown, from low to high</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LandscapePanel</name>
    <message>
        <source>Initial weight + loss: where the run started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current weight + loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New weight + loss, after one step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Theoretical minimum of this curve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gradient (slope) of the loss at the current weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The step: −η·slope, against the gradient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The weight and loss after each epoch so far</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bias {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training loss against {name} (all other weights fixed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loss ({name})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{weight} (all other weights fixed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{weight} (others fixed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training loss ({name})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loss against {name} (others fixed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Initial weight + loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>initial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>current</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New weight + loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>new</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Theoretical minimum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>minimum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lowest point in view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lowest in view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gradient (slope) = {slope}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>slope {slope}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step −η·slope = {step}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>path of the run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>← lower to the left: {loss} at {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lower to the right →: {loss} at {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>computed on {sample} of {total} training rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The curve changes as the other weights change too; tick “Train only the selected parameter” to keep it still.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The curve moves: the other weights train too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mini-batches: each epoch makes several smaller steps; shown is one full-batch step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mini-batches: shown is one full-batch step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{arrows} initial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Initial weight {value}, loss {loss}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show nnsim in English</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show nnsim in German</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LectureActions</name>
    <message>
        <source>Look at the test set again?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The test set was already used to evaluate this run at epoch %1. Evaluating again after training further or changing settings lets the test set help choose the model, and then it is no longer unseen data: it has become a second development set. The lecture&apos;s advice: choose on the development set, and test once at the end.

Evaluate on the test set anyway?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chose %1 hidden units and η = %2 on the development set, trained to epoch %3, its lowest dev loss.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About nnsim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;nnsim %1&lt;/h3&gt;&lt;p&gt;A neural-network simulator for the lecture “Basics of Neural Networks”.&lt;/p&gt;&lt;p&gt;Qt %2 · PySide6 · NumPy %3&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LectureMenu</name>
    <message>
        <source>&amp;Lecture</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LessonActions</name>
    <message>
        <source>Note for this lesson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the changes to %1 before going on?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open lesson file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nnsim lesson files (*.nnsim);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open lesson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nnsim lesson files (*.nnsim)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save lesson file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The training thread did not respond; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1%2 — nnsim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nnsim — Basics of Neural Networks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 no longer exists; it was removed from the recent files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other lesson file…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LessonFileError</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is %2; a lesson file may hold at most %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a lesson file: it is truncated or corrupt (line %2, column %3: %4).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not an nnsim lesson file (it has no format_version).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was written by a newer nnsim (format %2); this nnsim reads format %3 and older. Update nnsim to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has an invalid format_version %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the entry %2 is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the entry %2 should be %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: unknown entry %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the data has %2 rows; at most %3 are allowed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the entry %2 holds %3 values; at most %4 are allowed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the entry %2 holds a value that is not a finite number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the entry %2 is invalid: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the entry %2 does not fit the rest of the file: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>true or false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a list of numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a list of names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a list of rows</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LossError</name>
    <message>
        <source>%1 is a loss for classification, but this data is a regression task: use MSE or MAE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 needs targets between 0 and 1: use MSE or MAE, or categorical cross-entropy for class labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 needs the %2 output activation (got %3)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LossPlot</name>
    <message>
        <source>Epoch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>training loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>development loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training loss: what gradient descent lowers. Development loss: the same on data it never trains on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>test loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loss ({name})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test loss {loss:.4g} at epoch {epoch}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lowest dev loss {loss} (epoch {epoch})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lowest dev loss {loss}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>min dev {loss}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label}
The epoch with the lowest development loss so far. If the development loss rises after it while the training loss still falls, the network is overfitting: these weights generalise best.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>nnsim — Basics of Neural Networks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Examples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the data file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mini-batches of %1: one epoch now makes several smaller steps; the landscape still shows one full-batch step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong inside nnsim, and training was paused: %1. The details are in the log; the session is still usable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epoch %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>train loss %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dev loss %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>train acc. %1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dev acc. %1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>test loss %1 (epoch %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped early: the dev loss has not improved for %1 epochs since epoch %2 (%3). Train → Restore best epoch goes back there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test set (final evaluation): loss %1 at epoch %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Train</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The run has stopped: press Reset (with a smaller learning rate) to start again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Early stopping has paused this run: untick it to train on, or Train → Restore best epoch.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>%1 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 needs the %2 output activation: switched the output activation to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 needs the %2 output activation, so the loss is now %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loaded %1: %2 rows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compared the learning rates %1 over %2 epochs from the same initial weights.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diverged: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This was refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>column %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the training loss became infinite or undefined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the weights became infinite or undefined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the training loss stayed above %1 (ten times its start, %2) for %3 epochs in a row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the training loss stayed above its start, %1, for %2 epochs in a row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training diverged at epoch %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training is not converging at epoch %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The learning rate %1 is too high: try a smaller one (e.g. %2) and press Reset.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>learning rate %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loss %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>output activation %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>output activation %1 with loss %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hidden activation %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 hidden units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>full-batch training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>batch size %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>split %1/%2/%3 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>weight seed %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>train only the selected parameter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>train every parameter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dataset %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>data from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 = %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NetworkView</name>
    <message>
        <source>Network editor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input Layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hidden Layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output Layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>positive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>negative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>thicker = larger |value|</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>B = bias node (always 1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>double-click a value to change it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NotebookExport</name>
    <message>
        <source>Export lab notebook to folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace the lab notebook?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already holds a lab notebook. Replace its files?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write the lab notebook to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lab notebook written to %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Presentation</name>
    <message>
        <source>Presenter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>η =</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning rate η: how far each step goes against the gradient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epoch %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loss %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Registry</name>
    <message>
        <source>Sigmoid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ReLU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tanh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leaky ReLU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Softmax</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean squared error (MSE)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean absolute error (MAE)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cross-entropy (binary)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Categorical cross-entropy</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RunsPanel</name>
    <message>
        <source>The first learning rate to compare (default: the current η / 10, too low: a crawl)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The second learning rate to compare (default: the current η)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The third learning rate to compare (default: 10 × the current η, too high: it may overshoot or diverge)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epochs each learning rate trains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train the run&apos;s initial weights with each learning rate and overlay the runs on the loss plot and their paths in the landscape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear comparison</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untick every run: the plots show the current run only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare η:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>epochs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What differs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dev loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick to overlay on the loss plot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the run did differently from the current settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No finished runs yet. A run is kept here when the model starts over (Reset, other data or network, a demo); tick it to compare its curves with the current run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning rate %1 of the comparison must be a positive number, not “%2”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overlay run %1 on the loss plot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This run diverged and was stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From Compare learning rates: the same initial weights as the run it was compared in</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SplitError</name>
    <message>
        <source>the data has %1 rows, but at least %2 are needed: one each for training, development and test. Add more rows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every class needs at least %1 rows (one each for training, development and test), but these have fewer: %2. Add rows of those classes or remove them.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>Welcome to nnsim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;Basics of Neural Networks, to see and touch&lt;/h2&gt;&lt;p&gt;Press &lt;b&gt;Train&lt;/b&gt; to watch the lecture&apos;s 3-3-2 network learn the vowels of &lt;i&gt;hid&lt;/i&gt; and &lt;i&gt;head&lt;/i&gt;, or open one of the lecture&apos;s claims as a demo. Every demo is also in the &lt;b&gt;Lecture&lt;/b&gt; menu; this page is under &lt;b&gt;Help&lt;/b&gt;.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show this page when nnsim starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Help → Start page opens it at any time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start with the default network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close this page; the vowels network is ready to train</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StepExplainer</name>
    <message>
        <source>All training rows (mean)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One training row:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the mean over every training row (what training uses) or one row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The training row to follow (as numbered in the Examples table)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The parameter shown in the loss landscape: its slope, step and new value are the landscape&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next phase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compute the next phase of the epoch (F10, or Step in the toolbar)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Walk on by itself, one phase a second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the start of this epoch&apos;s walk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SweepCurves</name>
    <message>
        <source>Training and development loss of the selected configuration; the red line marks its lowest development loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>epoch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>training loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>development loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>best epoch %1: dev loss %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SweepDialog</name>
    <message>
        <source>Tune hyperparameters on the development set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning rates to try, separated by commas (positive numbers, at most %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smallest number of hidden units to try</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Largest number of hidden units to try</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epochs every configuration trains for; the best epoch on the development set is kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>full batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>batch size %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hidden %1, output %2, loss %3, weight seed %4, %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taken from the main window and the same for every configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning rates η:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hidden units:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epochs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fixed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train every configuration on the training set and score it on the development set (never the test set)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the sweep and show what it has so far</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epochs done of the sweep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour and number: the lowest development loss each configuration reached over its epochs (darker = lower). Grey × = diverged. Red outline = best overall. Hover a cell for its epoch and accuracy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns: learning rate η   ·   rows: hidden units h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use this configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set these hidden units and learning rate in the main window and train to the best epoch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close without changing anything</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter at least one learning rate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each learning rate only once, please.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most %1 learning rates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a positive number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The smallest number of hidden units is above the largest.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training %1 configurations…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done: %1 epochs per configuration.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled after %1 epochs; the heatmap shows those.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sweep could not run: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>h = %1, η = %2 diverged: pick another cell.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selected: %1 hidden units, η = %2, best epoch %3.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SweepHeatmap</name>
    <message>
        <source>Lowest development loss of every configuration: click a cell to see its curves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>h = %1, η = %2: diverged at epoch %3 (try a smaller learning rate)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>h = %1, η = %2: lowest development loss %3 at epoch %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (development accuracy there: %1%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — the best configuration of the sweep</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TestResultsPanel</name>
    <message>
        <source>The final evaluation: the test loss of the model that was chosen on the development set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No final evaluation yet: Train → Evaluate on test set, once, when the model is chosen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hidden units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning rate η</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>full batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This run has looked at the test set %1 times: it now helped choose the model, like a development set.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ValueEditor</name>
    <message>
        <source>New value of {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New value of {name}: type a number and press Enter; Esc cancels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} = {text} is too large to teach anything: every unit it reaches saturates. Type a value between −{limit} and {limit}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} needs a number, like 0.5 or -1.2; the field is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} needs a finite number, like 0.5 or -1.2; “{text}” is not one.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WindowLayout</name>
    <message>
        <source>Controls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loss over epochs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gradient descent: loss landscape</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>plot_export</name>
    <message>
        <source>The plot has no size yet; show it before exporting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported from nnsim</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>text</name>
    <message>
        <source>The run has diverged: its numbers are no longer finite. Press Reset (with a smaller learning rate) to start again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training runs: the walk stops. Pause and press Step to walk through an epoch again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The network, the data or a setting changed: the walk starts again from the forward pass.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing the trace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training runs: the numbers follow the network. Pause and press Step to walk through one epoch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press Step (F10) or Next phase to walk through the next epoch: forward pass, loss, backward pass, update.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready: epoch %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done: the weights are updated, exactly as Step does it. Press Step for the next epoch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some numbers are no longer finite: the run has diverged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phase %1 of %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clicked: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(The landscape is drawn from %1 of the %2 rows, so its slope can differ a little.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selected in the landscape: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <source>Step explainer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused. Press Step again to walk through the next epoch.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
